package cn.huiqi.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.huiqi.events.Topics;
import cn.huiqi.infra.DevJwt;
import cn.huiqi.infra.FreePorts;
import cn.huiqi.infra.LocalKafka;
import cn.huiqi.infra.LocalPostgres;

/**
 * The whole suite on one machine: PostgreSQL, Kafka and the four services, each a child {@code java -jar
 * <module>/target/quarkus-app/quarkus-run.jar} process pointed at them by system properties.
 * <p>
 * {@link #start(SuiteConfig)} returns once every service answers 200 on {@code /q/health/ready}; {@link #close()}
 * (also run by a JVM shutdown hook, so Ctrl-C works) stops the services (SIGTERM, then SIGKILL after the grace
 * period), then Kafka and PostgreSQL if this suite started them.
 *
 * <pre>
 * try (HuiqiSuite suite = HuiqiSuite.startForTests()) {
 *     given().baseUri(suite.apiUrl("application-service")).get("/enterprises")...
 * }
 * </pre>
 */
public final class HuiqiSuite implements AutoCloseable {

    public static final String API_PATH = "/api/v1";
    public static final String READY_PATH = "/q/health/ready";

    private static final Logger LOG = LoggerFactory.getLogger(HuiqiSuite.class);

    private final SuiteConfig config;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final List<ServiceProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "huiqi-suite-shutdown");
    private LocalPostgres postgres;
    /** Null when an existing broker is used. */
    private LocalKafka kafka;
    private String kafkaBootstrapServers;
    private Path jwtKeyDirectory;
    private DevJwt tokens;

    private HuiqiSuite(SuiteConfig config) {
        this.config = config;
    }

    /** Starts everything as configured; on failure stops what was started and throws. */
    public static HuiqiSuite start(SuiteConfig config) {
        HuiqiSuite suite = new HuiqiSuite(config);
        Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** An isolated suite for end-to-end tests, see {@link SuiteConfig#forTests()}. */
    public static HuiqiSuite startForTests() {
        return start(SuiteConfig.forTests().build());
    }

    private void startAll() {
        long started = System.nanoTime();
        LOG.info("Huiqi project root: {}", config.projectRoot());
        checkJars();
        choosePorts();
        setUpTokens();

        CompletableFuture<LocalPostgres> pg = CompletableFuture.supplyAsync(this::startPostgres);
        RuntimeException failure = null;
        try {
            startKafka();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            postgres = pg.join();
        } catch (CompletionException e) {
            RuntimeException cause = unwrap(e);
            if (failure == null) {
                failure = cause;
            } else {
                failure.addSuppressed(cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
        for (Service service : Service.values()) {
            postgres.ensureDatabase(service.database());
        }
        LocalKafka.createTopics(kafkaBootstrapServers, Topics.ALL, SuiteConfig.TOPIC_PARTITIONS);

        for (Service service : Service.values()) {
            processes.add(ServiceProcess.start(service.module(), command(service),
                    config.projectRoot().resolve(service.module()), config.logFile(service)));
        }
        LOG.info("Waiting up to {} s for the services to be ready", config.readyTimeout().toSeconds());
        // Fails as soon as one service fails, without waiting for the others.
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess process : List.copyOf(processes)) {
            Service service = Service.named(process.name());
            ready.add(CompletableFuture.runAsync(() -> {
                process.awaitReady(URI.create(baseUrl(service) + READY_PATH), config.readyTimeout());
                LOG.info("{} is ready on port {}", service.module(), ports.get(service));
            }, HuiqiSuite::daemonThread).whenComplete((ok, error) -> {
                if (error != null) {
                    firstFailure.completeExceptionally(error);
                }
            }));
        }
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)), firstFailure)
                    .join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
        LOG.info("Huiqi is up in {} s", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private static void daemonThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "huiqi-ready-check");
        thread.setDaemon(true);
        thread.start();
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    private void checkJars() {
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(config.runnableJar(service))) {
                missing.add(config.projectRoot().relativize(config.runnableJar(service)).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built yet: " + String.join(", ", missing)
                    + ". Build the services first: ./mvnw -B package -DskipTests (or use -Pup, which builds and starts)");
        }
    }

    private void choosePorts() {
        for (Service service : Service.values()) {
            int port = config.httpPort(service);
            if (port == 0) {
                port = FreePorts.find();
            } else if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("Port " + port + " for " + service.module() + " is in use (an earlier "
                        + "run still up?). Stop it, or choose another port with -Dhuiqi.port." + service.module()
                        + "=... or HUIQI_PORT_" + Settings.envName(service.module()) + "=...");
            }
            ports.put(service, port);
        }
    }

    /** The key pair the services verify tokens with: kept in HUIQI_HOME/jwt, or temporary for tests. */
    private void setUpTokens() {
        try {
            jwtKeyDirectory = config.jwtKeyDirectory() != null
                    ? config.jwtKeyDirectory()
                    : Files.createTempDirectory("huiqi-jwt");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        tokens = new DevJwt(DevJwt.loadOrCreate(jwtKeyDirectory), DevJwt.LOCAL_ISSUER);
    }

    private LocalPostgres startPostgres() {
        return LocalPostgres.builder()
                .dataDirectory(config.postgresDataDirectory())
                .port(config.postgresPort())
                .useExistingServer(config.reuseRunningPostgres())
                .logFile(config.logDirectory().resolve("postgres.log"))
                .shutdownHook(false)
                .start();
    }

    private void startKafka() {
        if (config.kafkaBootstrapServers() != null) {
            String bootstrap = config.kafkaBootstrapServers();
            if (!LocalKafka.isBroker(bootstrap, Duration.ofSeconds(15))) {
                throw new IllegalStateException("No Kafka broker answers at " + bootstrap + " (from "
                        + "KAFKA_BOOTSTRAP_SERVERS / huiqi.kafka.bootstrap-servers). Start it, or unset that to let "
                        + "the launcher start its own broker.");
            }
            LOG.info("Using the Kafka broker at {}", bootstrap);
            kafkaBootstrapServers = bootstrap;
            return;
        }
        if (config.reuseRunningKafka() && FreePorts.isListening(config.kafkaPort())) {
            String bootstrap = "localhost:" + config.kafkaPort();
            if (!LocalKafka.isBroker(bootstrap, Duration.ofSeconds(15))) {
                throw new IllegalStateException("Port " + config.kafkaPort() + " is in use, but not by a Kafka broker "
                        + "that answers. Stop whatever listens there, set HUIQI_KAFKA_PORT to another port, or point "
                        + "KAFKA_BOOTSTRAP_SERVERS at a broker.");
            }
            LOG.info("Using the Kafka broker already running on {}", bootstrap);
            kafkaBootstrapServers = bootstrap;
            return;
        }
        kafka = LocalKafka.builder()
                .logDirectory(config.kafkaLogDirectory())
                .port(config.kafkaPort())
                .shutdownHook(false)
                .start();
        kafkaBootstrapServers = kafka.bootstrapServers();
    }

    /** The child's command line: the JVM running this launcher, the service's settings, its runnable jar. */
    List<String> command(Service service) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", String.valueOf(ports.get(service)));
        props.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()));
        props.put("quarkus.datasource.username", postgres.username());
        props.put("quarkus.datasource.password", postgres.password());
        props.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        props.put("mp.jwt.verify.publickey.location", jwtKeyDirectory.resolve(DevJwt.PUBLIC_KEY_FILE).toString());
        props.put("mp.jwt.verify.issuer", DevJwt.LOCAL_ISSUER);
        props.putAll(config.serviceSystemProperties());
        props.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(config.runnableJar(service).toString());
        return command;
    }

    /** {@code http://localhost:PORT} of a service ("award-service" or "award"). */
    public String baseUrl(String service) {
        return baseUrl(Service.named(service));
    }

    public String baseUrl(Service service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalStateException("The suite has not chosen ports yet");
        }
        return "http://localhost:" + port;
    }

    /** The REST API base of a service, {@code http://localhost:PORT/api/v1}. */
    public String apiUrl(String service) {
        return baseUrl(service) + API_PATH;
    }

    public int httpPort(String service) {
        return ports.get(Service.named(service));
    }

    /** The JDBC URL of a service's database (credentials: {@link #postgres()}). */
    public String jdbcUrl(String service) {
        return postgres.jdbcUrl(Service.named(service).database());
    }

    /** Mints tokens the services accept (signed with the suite's key, issuer {@link DevJwt#LOCAL_ISSUER}). */
    public DevJwt tokens() {
        return tokens;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public Path logFile(String service) {
        return config.logFile(Service.named(service));
    }

    public SuiteConfig config() {
        return config;
    }

    /** What is running where: the service URLs, the infrastructure, the log files. */
    public String describe() {
        StringBuilder s = new StringBuilder("\nHuiqi is up.\n");
        for (Service service : Service.values()) {
            String base = baseUrl(service);
            s.append(String.format("%n  %-21s API      %s%s%n", service.module(), base, API_PATH));
            s.append(String.format("  %-21s Swagger  %s/q/swagger-ui%n", "", base));
            s.append(String.format("  %-21s OpenAPI  %s/q/openapi%n", "", base));
            s.append(String.format("  %-21s health   %s/q/health%n", "", base));
            s.append(String.format("  %-21s metrics  %s/q/metrics%n", "", base));
            s.append(String.format("  %-21s log      %s%n", "", config.logFile(service)));
        }
        s.append(String.format("%n  %-21s %s (user %s, databases %s)%n", "PostgreSQL",
                postgres.jdbcUrl("<database>"), postgres.username(), databases()));
        s.append(String.format("  %-21s %s%n", "",
                postgres.isEmbedded()
                        ? "embedded, data in " + postgres.dataDirectory() + ", log "
                                + config.logDirectory().resolve("postgres.log")
                        : "already running, left as it is"));
        s.append(String.format("  %-21s %s (topics %s)%n", "Kafka", kafkaBootstrapServers,
                String.join(", ", Topics.ALL)));
        s.append(String.format("  %-21s %s%n", "",
                kafka != null
                        ? "embedded in the launcher, log directory " + kafka.logDirectory()
                        : "already running, left as it is"));
        s.append(String.format("  %-21s signed with %s (issuer %s); mint one with%n", "Tokens",
                jwtKeyDirectory.resolve(DevJwt.PRIVATE_KEY_FILE), DevJwt.LOCAL_ISSUER));
        s.append(String.format("  %-21s deploy/local/mint-token --role enterprise --uscc 91220101MA0Y5CGQ2L%n", ""));
        return s.toString();
    }

    private static String databases() {
        List<String> names = new ArrayList<>();
        for (Service service : Service.values()) {
            names.add(service.database());
        }
        return String.join(", ", names);
    }

    /** Stops the services, then Kafka and PostgreSQL if this suite started them. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook will find the suite closed
            }
        }
        if (!processes.isEmpty()) {
            LOG.info("Stopping the services");
            ServiceProcess.stopAll(List.copyOf(processes), config.stopTimeout());
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        LOG.info("Huiqi stopped");
    }

    /** The running service processes (for tests of the launcher itself). */
    List<ServiceProcess> processes() {
        return List.copyOf(processes);
    }
}
