package cn.huiqi.support.outbox;

import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** Runs this service's {@link OutboxRelay} on a background thread from start-up to shutdown. */
@Startup
@ApplicationScoped
public class OutboxRelayRunner {

    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);

    private final OutboxRelay relay;
    private final Producer<String, String> producer;
    private final ScheduledExecutorService executor;

    public OutboxRelayRunner(DataSource dataSource, OutboxConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.producer = new KafkaProducer<>(producerProperties(bootstrapServers, applicationName));
        this.relay = new OutboxRelay(dataSource, producer, config.batchSize(), config.sendTimeout().toMillis());
        Gauge.builder("huiqi.outbox.backlog", this, OutboxRelayRunner::backlogOrNaN)
                .description("Events committed to the outbox and not yet acknowledged by the broker")
                .register(registry);
        if (config.relayEnabled()) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "outbox-relay");
                t.setDaemon(true);
                return t;
            });
            long interval = config.pollInterval().toMillis();
            executor.scheduleWithFixedDelay(this::drain, interval, interval, TimeUnit.MILLISECONDS);
        } else {
            executor = null;
            LOG.warn("outbox relay disabled (huiqi.outbox.relay-enabled=false): events stay in the outbox");
        }
    }

    /** Publishes everything pending now, on the caller's thread; returns how many events went out. */
    public int drainNow() throws SQLException {
        int total = 0;
        int n;
        while ((n = relay.relayOnce()) > 0) {
            total += n;
        }
        return total;
    }

    public OutboxRelay relay() {
        return relay;
    }

    private void drain() {
        try {
            drainNow();
        } catch (SQLException | RuntimeException e) {
            // The batch stays in the outbox and goes out on a later poll; nothing is lost.
            LOG.warnf("outbox relay could not publish (will retry): %s", e.getMessage());
        }
    }

    private double backlogOrNaN() {
        try {
            return relay.backlog();
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close();
    }

    static Properties producerProperties(String bootstrapServers, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-outbox-relay");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }
}
