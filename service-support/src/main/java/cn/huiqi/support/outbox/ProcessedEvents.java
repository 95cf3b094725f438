package cn.huiqi.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;

/**
 * The idempotent-consumer record: remembers which events a consumer has applied, in the same transaction as the
 * effect, so at-least-once delivery yields exactly-once effects.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final DataSource dataSource;

    public ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Decodes a record and, when it is an event of {@code type} this consumer has not processed yet, applies the effect
     * to it in the caller's transaction. Other types on the same topic are skipped; a malformed record throws, so the
     * channel parks it on the dead-letter topic.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void apply(String consumer, String record, String type, Class<T> payloadType,
            BiConsumer<EventEnvelope, T> effect) {
        EventEnvelope event = EventCodec.decode(record);
        if (type.equals(event.type()) && firstDelivery(consumer, event)) {
            effect.accept(event, event.dataAs(payloadType));
        }
    }

    /**
     * Records the event as processed by this consumer and says whether this is its first delivery. Call it first in
     * the transaction that applies the effect; when it returns false, apply nothing. Concurrent deliveries of the same
     * event serialize on the primary key: the second waits, then sees the first's row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO processed_event (consumer, event_id, event_type)"
                        + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, consumer);
            ps.setObject(2, event.id());
            ps.setString(3, event.type());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + event.id(), e);
        }
    }
}
