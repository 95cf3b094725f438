package cn.huiqi.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node Apache Kafka broker in KRaft mode (one process acting as broker and controller) running inside this
 * JVM, from the Kafka jars on Maven Central. Listens on 127.0.0.1 only; internal topics have replication factor 1 and
 * topics are never created automatically (see {@link #createTopics(Collection, int)}).
 * <p>
 * The log directory is either persistent (formatted once, reused as it is afterwards so topics and records survive a
 * restart) or temporary (deleted on {@link #close()}).
 */
public final class LocalKafka implements AutoCloseable {

    /** The port the local stack uses. */
    public static final int DEFAULT_PORT = 9092;

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String HOST = "127.0.0.1";
    private static final AtomicBoolean EXIT_PROCEDURES_INSTALLED = new AtomicBoolean();

    private final KafkaRaftServer server;
    private final int port;
    private final int controllerPort;
    private final Path logDirectory;
    private final boolean temporary;
    private final Duration startupTime;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafka(KafkaRaftServer server, int port, int controllerPort, Path logDirectory, boolean temporary,
            Duration startupTime, boolean registerShutdownHook) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDirectory = logDirectory;
        this.temporary = temporary;
        this.startupTime = startupTime;
        if (registerShutdownHook) {
            this.shutdownHook = new Thread(this::close, "huiqi-kafka-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.shutdownHook = null;
        }
    }

    /** A broker keeping its data in the persistent {@code logDir}; port 0 picks a free port. */
    public static LocalKafka start(Path logDir, int port) {
        return builder().logDirectory(logDir).port(port).start();
    }

    /** A broker on a free port with a temporary log directory, deleted on {@link #close()}. For tests. */
    public static LocalKafka startOnFreePort() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link LocalKafka}; by default a free port and a temporary log directory. */
    public static final class Builder {
        private Path logDirectory;
        private int port;
        private boolean shutdownHook = true;
        private final Map<String, String> overrides = new HashMap<>();

        private Builder() {
        }

        /** Persistent log directory; null (the default) for a temporary one deleted on close. */
        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = logDirectory;
            return this;
        }

        /** The client port; 0 (the default) picks a free one. The controller always gets a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** Whether a JVM shutdown hook shuts the broker down (default true). */
        public Builder shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        /** An additional or different broker setting. */
        public Builder brokerConfig(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public LocalKafka start() {
            return LocalKafka.start(this);
        }
    }

    private static LocalKafka start(Builder options) {
        long started = System.nanoTime();
        LogLevels.quiet("kafka", "org.apache.kafka", "state.change.logger");
        installExitProcedures();
        int port = options.port != 0 ? options.port : FreePorts.find();
        if (options.port != 0 && !FreePorts.isFree(port)) {
            throw new IllegalStateException("Port " + port + " is in use, so no Kafka broker can be started there. "
                    + "Stop whatever listens on it (or, if it is a Kafka broker, point KAFKA_BOOTSTRAP_SERVERS at it).");
        }
        int controllerPort = FreePorts.find();
        boolean temporary = options.logDirectory == null;
        Path logDir;
        try {
            logDir = temporary
                    ? Files.createTempDirectory("huiqi-kafka")
                    : Files.createDirectories(options.logDirectory.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the Kafka log directory", e);
        }

        KafkaRaftServer server = null;
        try {
            Map<String, String> props = brokerConfig(logDir, port, controllerPort);
            props.putAll(options.overrides);
            KafkaConfig config = new KafkaConfig(props, false);
            formatUnlessFormatted(logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            // Returns once the broker has registered with the controller and been unfenced.
            server.startup();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Kafka broker started on {}:{} in {} ms ({} log directory {})", HOST, port, took.toMillis(),
                    temporary ? "temporary" : "persistent", logDir);
            return new LocalKafka(server, port, controllerPort, logDir, temporary, took, options.shutdownHook);
        } catch (Exception e) {
            if (server != null) {
                try {
                    server.shutdown();
                    server.awaitShutdown();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (temporary) {
                Dirs.deleteQuietly(logDir);
            }
            throw new IllegalStateException("Could not start the Kafka broker on " + HOST + ":" + port + " (log "
                    + "directory " + logDir + "): " + e.getMessage(), e);
        }
    }

    static Map<String, String> brokerConfig(Path logDir, int port, int controllerPort) {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // A static quorum: the voter is taken from this setting at every start, so the controller port may change
        // between restarts of a persistent log directory.
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Small preallocated index files and segments; this broker holds a developer's worth of data.
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        return p;
    }

    /** Formats a fresh log directory; one with a meta.properties is reused as it is (its cluster id is kept). */
    private static void formatUnlessFormatted(Path logDir) throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            LOG.debug("Kafka log directory {} is already formatted", logDir);
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .addDirectory(logDir.toString())
                .setMetadataLogDirectory(logDir.toString())
                .setIgnoreFormatted(true)
                .run();
    }

    /**
     * Kafka's server code calls {@code Exit.exit/halt} on fatal errors. Inside a launcher or a test JVM that would kill
     * the host process without running its shutdown hooks (halt), leaving child processes behind; here it is logged and
     * turned into an exception in the failing broker thread instead.
     */
    private static void installExitProcedures() {
        if (!EXIT_PROCEDURES_INSTALLED.compareAndSet(false, true)) {
            return;
        }
        Exit.setExitProcedure((status, message) -> {
            LOG.error("The embedded Kafka broker asked to exit the JVM with status {}: {}", status, message);
            throw new IllegalStateException("Kafka broker requested exit(" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            LOG.error("The embedded Kafka broker asked to halt the JVM with status {}: {}", status, message);
            throw new IllegalStateException("Kafka broker requested halt(" + status + "): " + message);
        });
    }

    /** host:port for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    public boolean isTemporary() { return temporary; }

    public Duration startupTime() {
        return startupTime;
    }

    /** Creates the topics that do not exist yet, each with {@code partitions} partitions and replication factor 1. */
    public void createTopics(Collection<String> names, int partitions) {
        createTopics(bootstrapServers(), names, partitions);
    }

    /**
     * Creates the topics that do not exist yet on any broker (replication factor 1, so a single-broker cluster);
     * existing topics are left as they are.
     */
    public static void createTopics(String bootstrapServers, Collection<String> names, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        try (Admin admin = admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .distinct()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1))
                    .collect(Collectors.toList());
            if (missing.isEmpty()) {
                return;
            }
            Map<String, KafkaFuture<Void>> results = admin.createTopics(missing, new CreateTopicsOptions()
                    .timeoutMs(30_000)).values();
            for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                try {
                    result.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + result.getKey() + " on "
                                + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            LOG.info("Created topics {} on {}", results.keySet(), bootstrapServers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not list the topics on " + bootstrapServers + ": " + e, e);
        }
    }

    /** True if a Kafka broker answers a metadata request at {@code bootstrapServers} within the timeout. */
    public static boolean isBroker(String bootstrapServers, Duration timeout) {
        int millis = (int) Math.max(1000, timeout.toMillis());
        Map<String, Object> config = adminConfig(bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).clusterId().get(millis,
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(adminConfig(bootstrapServers));
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "huiqi-local-admin");
        return config;
    }

    /** Shuts the broker down cleanly and deletes a temporary log directory. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        LocalPostgres.removeShutdownHook(shutdownHook);
        long started = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
            LOG.info("Kafka broker on {}:{} stopped in {} ms", HOST, port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            LOG.warn("Shutting down the Kafka broker on {}:{} failed", HOST, port, e);
        } finally {
            if (temporary) {
                Dirs.deleteQuietly(logDirectory);
            }
        }
    }

    @Override
    public String toString() {
        return "LocalKafka[" + bootstrapServers() + ", " + (temporary ? "temporary " : "") + logDirectory + "]";
    }
}
