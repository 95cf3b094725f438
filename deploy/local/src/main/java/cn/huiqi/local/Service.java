package cn.huiqi.local;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four services the suite runs, with their module directory, database and default HTTP port. */
public enum Service {

    APPLICATION("application-service", "huiqi_application", 8081), ELIGIBILITY("eligibility-service",
            "huiqi_eligibility", 8082), AWARD("award-service", "huiqi_award",
                    8083), NOTIFICATION("notification-service", "huiqi_notification", 8084);

    private final String module;
    private final String database;
    private final int defaultPort;

    Service(String module, String database, int defaultPort) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    /** The module directory under the project root, also the service's name ("award-service"). */
    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The service called "award-service", "award" or "AWARD". */
    public static Service named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Service service : values()) {
            if (service.module.equals(wanted) || service.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return service;
            }
        }
        throw new IllegalArgumentException("No service called '" + name + "'; the services are "
                + Arrays.stream(values()).map(Service::module).collect(Collectors.joining(", ")));
    }
}
