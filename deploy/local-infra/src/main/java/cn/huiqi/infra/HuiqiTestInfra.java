package cn.huiqi.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import cn.huiqi.events.Topics;

/**
 * Real PostgreSQL and Kafka for a service's {@code @QuarkusTest}s, without Docker:
 *
 * <pre>
 * &#64;QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = &#64;ResourceArg(name = "database", value = "huiqi_award"))
 * </pre>
 *
 * on one test class of the module (test resources apply to every test of the module). The first start launches one
 * embedded PostgreSQL and one {@link LocalKafka}, both on free ports with temporary directories, in parallel (about
 * 5 s); later starts in the same class loader reuse them. Each start makes sure the database and every topic in
 * {@link Topics#ALL} exist, and points the datasource and Kafka at them, and the JWT verification at
 * {@link TestTokens}' key.
 * <p>
 * {@link #stop()} shuts both down. Quarkus calls it when it closes the application, for instance before restarting it
 * for another test profile; the restarted application runs in a new class loader, which starts fresh servers (and an
 * empty database) anyway. JVM shutdown hooks stop whatever is still running when the test JVM exits.
 */
public class HuiqiTestInfra implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the database the service uses. */
    public static final String DATABASE = "database";
    /** Init arg (optional): partitions of the topics it creates, default {@value #DEFAULT_PARTITIONS}. */
    public static final String PARTITIONS = "partitions";
    public static final int DEFAULT_PARTITIONS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(HuiqiTestInfra.class);
    private static LocalPostgres postgres;
    private static LocalKafka kafka;

    private String database;
    private int partitions = DEFAULT_PARTITIONS;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE);
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("HuiqiTestInfra needs the service's database: @QuarkusTestResource("
                    + "value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = \"database\", value = \"huiqi_...\"))");
        }
        if (initArgs.containsKey(PARTITIONS)) {
            partitions = Integer.parseInt(initArgs.get(PARTITIONS));
        }
    }

    @Override
    public Map<String, String> start() {
        LocalPostgres pg = postgres();
        LocalKafka broker = kafka();
        pg.ensureDatabase(database);
        broker.createTopics(Topics.ALL, partitions);

        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        config.put("quarkus.datasource.username", pg.username());
        config.put("quarkus.datasource.password", pg.password());
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        // Tokens from TestTokens are the callers this service trusts.
        config.putAll(TestTokens.verificationConfig());
        // The broker runs in the test JVM and logs through the application's log manager; keep its INFO chatter
        // (and the clients' config dumps) out of the test output. Warnings and errors still show.
        config.put("quarkus.log.category.\"kafka\".level", "WARN");
        config.put("quarkus.log.category.\"org.apache.kafka\".level", "WARN");
        config.put("quarkus.log.category.\"state.change.logger\".level", "WARN");
        config.put("quarkus.log.category.\"io.zonky.test\".level", "WARN");
        return config;
    }

    @Override
    public void stop() {
        stopBoth();
    }

    /** Starts PostgreSQL (in another thread) and Kafka at the same time, unless they are running already. */
    private static synchronized void startBoth() {
        if (postgres != null && kafka != null) {
            return;
        }
        CompletableFuture<LocalPostgres> pg = postgres != null
                ? CompletableFuture.completedFuture(postgres)
                : CompletableFuture.supplyAsync(LocalPostgres::embeddedOnFreePort);
        try {
            if (kafka == null) {
                kafka = LocalKafka.startOnFreePort();
            }
        } finally {
            try {
                postgres = pg.join();
            } catch (CompletionException e) {
                stopBoth();
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    private static synchronized void stopBoth() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        LOG.debug("Test infrastructure stopped");
    }

    /** This class loader's PostgreSQL, started if it is not running. */
    public static synchronized LocalPostgres postgres() {
        startBoth();
        return postgres;
    }

    /** This class loader's Kafka broker, started if it is not running. */
    public static synchronized LocalKafka kafka() {
        startBoth();
        return kafka;
    }
}
