package cn.huiqi.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.EnterpriseRegisteredV1;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;
import cn.huiqi.support.outbox.OutboxRelay;
import cn.huiqi.support.outbox.OutboxRelayRunner;

/**
 * The outbox against a real broker: the relay dies after the registration committed (before publishing, and again
 * after publishing but before marking), and the event still reaches Kafka exactly as committed, keyed by USCC.
 */
@QuarkusTest
@TestProfile(OutboxRelayTest.RelayStopped.class)
class OutboxRelayTest {

    /** Starts the service with its relay switched off, so the test decides when the relay "runs" and "dies". */
    public static class RelayStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() { return Map.of("huiqi.outbox.relay-enabled", "false"); }
    }

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelayRunner runner;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eventCommittedBeforeTheRelayDiedIsPublishedAfterItsRestart() throws Exception {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(EnterpriseResourceTest.registration(uscc))
                .post("/api/v1/enterprises").then().statusCode(201);

        // Committed with the registration, not yet on the broker.
        assertThat(unpublished(uscc)).hasSize(1);
        assertThat(recordsFor(uscc, 1, Duration.ofSeconds(2))).isEmpty();

        // The relay dies while sending: nothing is marked, nothing is lost.
        try (Producer<String, String> dying = new DyingProducer(bootstrapServers, false)) {
            OutboxRelay relay = new OutboxRelay(dataSource, dying, 100, 5_000);
            assertThatThrownBy(relay::relayOnce).hasMessageContaining("relay killed");
        }
        assertThat(unpublished(uscc)).hasSize(1);

        // Restarted, the relay publishes it, keyed by the USCC, and marks it.
        assertThat(runner.drainNow()).isGreaterThanOrEqualTo(1);
        assertThat(unpublished(uscc)).isEmpty();
        List<ConsumerRecord<String, String>> records = recordsFor(uscc, 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        EventEnvelope event = EventCodec.decode(records.get(0).value());
        assertThat(event.type()).isEqualTo(EventTypes.ENTERPRISE_REGISTERED);
        assertThat(event.subject()).isEqualTo(uscc);
        assertThat(event.dataAs(EnterpriseRegisteredV1.class).name()).isEqualTo("长春数实融合科技有限公司");
    }

    @Test
    void relayDyingAfterTheBrokerAckedPublishesAgainWithTheSameEventId() throws Exception {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(EnterpriseResourceTest.registration(uscc))
                .post("/api/v1/enterprises").then().statusCode(201);

        // Sent and acknowledged, then the relay dies before marking the row.
        try (Producer<String, String> dying = new DyingProducer(bootstrapServers, true)) {
            OutboxRelay relay = new OutboxRelay(dataSource, dying, 100, 5_000);
            assertThatThrownBy(relay::relayOnce).hasMessageContaining("relay killed");
        }
        assertThat(unpublished(uscc)).hasSize(1);
        assertThat(recordsFor(uscc, 1, Duration.ofSeconds(10))).hasSize(1);

        // At-least-once: the restarted relay sends it again, with the same id, for consumers to drop.
        runner.drainNow();
        assertThat(unpublished(uscc)).isEmpty();
        List<ConsumerRecord<String, String>> records = recordsFor(uscc, 2, Duration.ofSeconds(10));
        assertThat(records).hasSize(2);
        assertThat(EventCodec.decode(records.get(0).value()).id())
                .isEqualTo(EventCodec.decode(records.get(1).value()).id());
    }

    private List<String> unpublished(String uscc) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM outbox_event WHERE msg_key = ? AND published_at IS NULL")) {
            ps.setString(1, uscc);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private List<ConsumerRecord<String, String>> recordsFor(String uscc, int atLeast, Duration wait) {
        return TestTopics.records(bootstrapServers, Topics.ENTERPRISE, uscc, atLeast, wait);
    }

    /** A real producer that "dies": before sending anything, or after the broker acknowledged the batch. */
    static final class DyingProducer extends KafkaProducer<String, String> {
        private final boolean afterAck;
        private final List<Future<RecordMetadata>> sent = new ArrayList<>();

        DyingProducer(String bootstrapServers, boolean afterAck) {
            super(props(bootstrapServers));
            this.afterAck = afterAck;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<String, String> record) {
            if (!afterAck) {
                throw new IllegalStateException("relay killed before publishing");
            }
            Future<RecordMetadata> f = super.send(record);
            sent.add(f);
            return f;
        }

        @Override
        public void flush() {
            super.flush();
            for (Future<RecordMetadata> f : sent) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException("relay killed after the broker acknowledged");
        }

        private static Properties props(String bootstrapServers) {
            Properties p = new Properties();
            p.put("bootstrap.servers", bootstrapServers);
            p.put("acks", "all");
            p.put("enable.idempotence", true);
            p.put("key.serializer", StringSerializer.class.getName());
            p.put("value.serializer", StringSerializer.class.getName());
            return p;
        }
    }
}
