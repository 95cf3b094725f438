package cn.huiqi.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import cn.huiqi.infra.LocalKafka;
import cn.huiqi.infra.LocalPostgres;

/**
 * How {@link HuiqiSuite} runs: where PostgreSQL and Kafka come from, the services' HTTP ports and where logs go.
 * {@link #local()} is the developer stack (fixed ports, data under ~/.huiqi kept between runs, servers already running
 * on the ports reused); {@link #forTests()} is an isolated one (free ports, temporary data) for end-to-end tests.
 *
 * <table>
 * <caption>Settings read by {@link #local()}: system property, or the environment variable in brackets</caption>
 * <tr><td>huiqi.home (HUIQI_HOME)</td><td>~/.huiqi; holds pgdata/, kafka/, logs/ and jwt/ (the development token
 * key pair)</td></tr>
 * <tr><td>huiqi.root (HUIQI_ROOT)</td><td>the project root; by default found by walking up to mvnw</td></tr>
 * <tr><td>huiqi.pg.port (HUIQI_PG_PORT)</td><td>5432; a server already there is used if it accepts
 * HUIQI_PG_USER/HUIQI_PG_PASSWORD</td></tr>
 * <tr><td>huiqi.kafka.bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS)</td><td>an existing broker to use instead of
 * starting one</td></tr>
 * <tr><td>huiqi.kafka.port (HUIQI_KAFKA_PORT)</td><td>9092; a broker already there is used</td></tr>
 * <tr><td>huiqi.port.&lt;service&gt; (HUIQI_PORT_&lt;SERVICE&gt;, e.g. HUIQI_PORT_AWARD_SERVICE)</td><td>8081-8084;
 * 0 picks a free port</td></tr>
 * <tr><td>huiqi.ready-timeout-seconds (HUIQI_READY_TIMEOUT_SECONDS)</td><td>120</td></tr>
 * </table>
 */
public final class SuiteConfig {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);
    public static final int TOPIC_PARTITIONS = 3;

    private final Path projectRoot;
    private final Path logDirectory;
    private final Path postgresDataDirectory;
    private final int postgresPort;
    private final boolean reuseRunningPostgres;
    private final String kafkaBootstrapServers;
    private final Path kafkaLogDirectory;
    private final int kafkaPort;
    private final boolean reuseRunningKafka;
    private final Map<Service, Integer> httpPorts;
    private final Duration readyTimeout;
    private final Duration stopTimeout;
    private final Map<String, String> serviceSystemProperties;
    private final Path jwtKeyDirectory;

    private SuiteConfig(Builder b) {
        this.projectRoot = Objects.requireNonNull(b.projectRoot, "projectRoot");
        this.logDirectory = Objects.requireNonNull(b.logDirectory, "logDirectory");
        this.postgresDataDirectory = b.postgresDataDirectory;
        this.postgresPort = b.postgresPort;
        this.reuseRunningPostgres = b.reuseRunningPostgres;
        this.kafkaBootstrapServers = b.kafkaBootstrapServers;
        this.kafkaLogDirectory = b.kafkaLogDirectory;
        this.kafkaPort = b.kafkaPort;
        this.reuseRunningKafka = b.reuseRunningKafka;
        this.httpPorts = Collections.unmodifiableMap(new EnumMap<>(b.httpPorts));
        this.readyTimeout = b.readyTimeout;
        this.stopTimeout = b.stopTimeout;
        this.serviceSystemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.serviceSystemProperties));
        this.jwtKeyDirectory = b.jwtKeyDirectory;
        if (reuseRunningPostgres && postgresPort == 0) {
            throw new IllegalArgumentException("Reusing a running PostgreSQL needs a fixed port");
        }
        if (reuseRunningKafka && kafkaPort == 0) {
            throw new IllegalArgumentException("Reusing a running Kafka broker needs a fixed port");
        }
    }

    /** The developer stack, configured from system properties and the environment (see the class comment). */
    public static SuiteConfig local() {
        return local(Settings.of(System.getProperties(), System.getenv()),
                Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home"))).build();
    }

    /** Where application-service keeps uploaded attachments: beside the suite's other data. */
    static final String ATTACHMENTS_DIR = "huiqi.attachments.dir";

    static Builder local(Settings settings, Path workingDirectory, Path userHome) {
        Path root = ProjectRoot.locate(settings, workingDirectory);
        String homeSetting = settings.get("huiqi.home");
        Path home = (homeSetting != null ? Path.of(homeSetting) : userHome.resolve(".huiqi")).toAbsolutePath();
        Builder b = new Builder(root)
                .logDirectory(home.resolve("logs"))
                .jwtKeyDirectory(home.resolve("jwt"))
                .postgres(home.resolve("pgdata"), settings.port("huiqi.pg.port", LocalPostgres.DEFAULT_PORT), true)
                .kafka(home.resolve("kafka"), settings.port("huiqi.kafka.port", LocalKafka.DEFAULT_PORT), true)
                .serviceSystemProperty(ATTACHMENTS_DIR, home.resolve("attachments").toString())
                .readyTimeout(Duration.ofSeconds(settings.number("huiqi.ready-timeout-seconds",
                        DEFAULT_READY_TIMEOUT.toSeconds())));
        String bootstrap = settings.get("huiqi.kafka.bootstrap-servers");
        if (bootstrap == null) {
            bootstrap = settings.env("KAFKA_BOOTSTRAP_SERVERS");
        }
        if (bootstrap != null) {
            b.existingKafka(bootstrap);
        }
        for (Service service : Service.values()) {
            b.httpPort(service, settings.port("huiqi.port." + service.module(), service.defaultPort()));
        }
        return b;
    }

    /**
     * An isolated suite for end-to-end tests: embedded PostgreSQL and Kafka on free ports with temporary data, free
     * HTTP ports, logs under {@code deploy/local/target/e2e-logs}. Adjust with the returned builder.
     */
    public static Builder forTests() {
        return forTests(ProjectRoot.locate());
    }

    public static Builder forTests(Path projectRoot) {
        Builder b = new Builder(projectRoot)
                .logDirectory(projectRoot.resolve("deploy/local/target/e2e-logs"))
                .serviceSystemProperty(ATTACHMENTS_DIR,
                        projectRoot.resolve("deploy/local/target/e2e-attachments").toAbsolutePath().toString())
                .postgres(null, 0, false)
                .kafka(null, 0, false)
                .stopTimeout(Duration.ofSeconds(10));
        for (Service service : Service.values()) {
            b.httpPort(service, 0);
        }
        return b;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    /** Null for a temporary cluster. */
    public Path postgresDataDirectory() {
        return postgresDataDirectory;
    }

    /** 0 for a free port. */
    public int postgresPort() {
        return postgresPort;
    }

    public boolean reuseRunningPostgres() {
        return reuseRunningPostgres;
    }

    /** An existing broker to use; null to start one (or reuse one on {@link #kafkaPort()}). */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** Null for a temporary log directory. */
    public Path kafkaLogDirectory() {
        return kafkaLogDirectory;
    }

    /** 0 for a free port. */
    public int kafkaPort() {
        return kafkaPort;
    }

    public boolean reuseRunningKafka() {
        return reuseRunningKafka;
    }

    /** The HTTP port of each service; 0 for a free one. */
    public int httpPort(Service service) {
        return httpPorts.getOrDefault(service, service.defaultPort());
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    /** How long a service gets to stop after SIGTERM before it is killed. */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    /** Where the token key pair is kept (created on first start); null for a temporary one. */
    public Path jwtKeyDirectory() {
        return jwtKeyDirectory;
    }

    /** Extra -D settings given to every service. */
    public Map<String, String> serviceSystemProperties() {
        return serviceSystemProperties;
    }

    /** The runnable jar of a service, {@code <root>/<module>/target/quarkus-app/quarkus-run.jar}. */
    public Path runnableJar(Service service) {
        return projectRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public Path logFile(Service service) {
        return logDirectory.resolve(service.module() + ".log");
    }

    public Builder toBuilder() {
        Builder b = new Builder(projectRoot)
                .logDirectory(logDirectory)
                .postgres(postgresDataDirectory, postgresPort, reuseRunningPostgres)
                .kafka(kafkaLogDirectory, kafkaPort, reuseRunningKafka)
                .readyTimeout(readyTimeout)
                .stopTimeout(stopTimeout);
        b.kafkaBootstrapServers = kafkaBootstrapServers;
        b.httpPorts.putAll(httpPorts);
        b.serviceSystemProperties.putAll(serviceSystemProperties);
        b.jwtKeyDirectory = jwtKeyDirectory;
        return b;
    }

    public static final class Builder {
        private final Path projectRoot;
        private Path logDirectory;
        private Path postgresDataDirectory;
        private int postgresPort;
        private boolean reuseRunningPostgres;
        private String kafkaBootstrapServers;
        private Path kafkaLogDirectory;
        private int kafkaPort;
        private boolean reuseRunningKafka;
        private final Map<Service, Integer> httpPorts = new EnumMap<>(Service.class);
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private Duration stopTimeout = Duration.ofSeconds(20);
        private final Map<String, String> serviceSystemProperties = new LinkedHashMap<>();
        private Path jwtKeyDirectory;

        public Builder(Path projectRoot) {
            this.projectRoot = projectRoot.toAbsolutePath().normalize();
            this.logDirectory = this.projectRoot.resolve("deploy/local/target/logs");
        }

        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = logDirectory.toAbsolutePath();
            return this;
        }

        /**
         * Embedded PostgreSQL with its cluster in {@code dataDirectory} (null: temporary) on {@code port} (0: free);
         * with {@code reuseRunning}, a server already answering on the port is used instead.
         */
        public Builder postgres(Path dataDirectory, int port, boolean reuseRunning) {
            this.postgresDataDirectory = dataDirectory;
            this.postgresPort = checkPort(port);
            this.reuseRunningPostgres = reuseRunning;
            return this;
        }

        /**
         * Embedded Kafka with its log in {@code logDirectory} (null: temporary) on {@code port} (0: free); with
         * {@code reuseRunning}, a broker already answering on the port is used instead.
         */
        public Builder kafka(Path logDirectory, int port, boolean reuseRunning) {
            this.kafkaBootstrapServers = null;
            this.kafkaLogDirectory = logDirectory;
            this.kafkaPort = checkPort(port);
            this.reuseRunningKafka = reuseRunning;
            return this;
        }

        /** Use this broker and start none. */
        public Builder existingKafka(String bootstrapServers) {
            this.kafkaBootstrapServers = Objects.requireNonNull(bootstrapServers);
            return this;
        }

        /** The service's HTTP port; 0 picks a free one. */
        public Builder httpPort(Service service, int port) {
            httpPorts.put(service, checkPort(port));
            return this;
        }

        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = Objects.requireNonNull(readyTimeout);
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = Objects.requireNonNull(stopTimeout);
            return this;
        }

        /** Keep the token key pair here (null: a temporary one). */
        public Builder jwtKeyDirectory(Path directory) {
            this.jwtKeyDirectory = directory == null ? null : directory.toAbsolutePath();
            return this;
        }

        /** An extra {@code -Dkey=value} for every service. */
        public Builder serviceSystemProperty(String key, String value) {
            serviceSystemProperties.put(key, value);
            return this;
        }

        public SuiteConfig build() {
            return new SuiteConfig(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            return port;
        }
    }
}
