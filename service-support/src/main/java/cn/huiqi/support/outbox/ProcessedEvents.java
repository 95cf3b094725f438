package cn.huiqi.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
