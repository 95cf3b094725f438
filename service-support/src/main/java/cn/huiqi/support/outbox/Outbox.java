package cn.huiqi.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;

/**
 * Writes an event to the outbox table inside the caller's transaction, so the event exists if and only if the state
 * change it announces was committed. {@link OutboxRelay} publishes it later.
 */
@ApplicationScoped
public class Outbox {

    private final DataSource dataSource;

    public Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues the event on the topic, keyed by its subject (the enterprise's USCC). Requires an open transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope event) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO outbox_event (id, topic, msg_key, type, payload) VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, event.id());
            ps.setString(2, topic);
            ps.setString(3, event.subject());
            ps.setString(4, event.type());
            ps.setString(5, EventCodec.encode(event));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write event " + event.id() + " to the outbox", e);
        }
    }
}
