package cn.huiqi.local;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Launcher settings: a system property such as {@code huiqi.port.award-service}, or else the environment variable
 * derived from it ({@code HUIQI_PORT_AWARD_SERVICE}: upper case, dots and dashes as underscores). Environment
 * variables are what reaches the launcher through {@code ./mvnw -Pup}, which forks it. Blank values count as unset.
 */
final class Settings {

    private final Map<String, String> sysProps;
    private final Map<String, String> env;

    private Settings(Map<String, String> sysProps, Map<String, String> env) {
        this.sysProps = sysProps;
        this.env = env;
    }

    static Settings of(Map<String, String> sysProps, Map<String, String> env) {
        return new Settings(Map.copyOf(sysProps), Map.copyOf(env));
    }

    static Settings of(Properties sysProps, Map<String, String> env) {
        Map<String, String> copy = new HashMap<>();
        sysProps.stringPropertyNames().forEach(name -> copy.put(name, sysProps.getProperty(name)));
        return of(copy, env);
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value, or null if neither the property nor its environment variable is set. */
    String get(String property) {
        String value = sysProps.get(property);
        if (value == null || value.isBlank()) {
            value = env.get(envName(property));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The value of an environment variable that has no property of its own (KAFKA_BOOTSTRAP_SERVERS). */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    int port(String property, int defaultPort) {
        String value = get(property);
        if (value == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " (or " + envName(property) + ") is '" + value
                    + "', not a port number (0 picks a free port)");
        }
    }

    long number(String property, long defaultValue) {
        String value = get(property);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " (or " + envName(property) + ") is '" + value
                    + "', not a number");
        }
    }
}
