package cn.huiqi.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Publishes unpublished outbox rows in order and marks them published. A batch is marked only after the broker
 * acknowledged every record of it (acks=all), so a crash between commit and publish, or between publish and marking,
 * loses nothing: the rows are sent again on the next run and consumers drop the duplicates by event id. One relay per
 * database works at a time (an advisory lock), which keeps each enterprise's events in order when services scale out.
 */
public class OutboxRelay {

    /** Any fixed number shared by all instances of one service; the lock is per database. */
    private static final long RELAY_LOCK = 0x48756971694f7574L;

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final int batchSize;
    private final long sendTimeoutMillis;

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer, int batchSize,
            long sendTimeoutMillis) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    /**
     * Publishes one batch and returns how many events it published (0 when there was nothing to do or another instance
     * holds the relay lock). Throws when the broker did not acknowledge; the batch stays unpublished.
     */
    public int relayOnce() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int published = relayBatch(c);
                c.commit();
                return published;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Number of events written but not yet published; exported as a gauge so operators can see a stuck relay. */
    public long backlog() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int relayBatch(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, topic, msg_key, type, payload FROM outbox_event"
                + " WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
            ps.setInt(1, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(2), rs.getString(3),
                            rs.getString(5));
                    record.headers().add(new RecordHeader("ce_type", rs.getString(4).getBytes()));
                    record.headers().add(new RecordHeader("ce_id", id.toString().getBytes()));
                    ids.add(id);
                    acks.add(producer.send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        awaitAcks(acks);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        }
        return ids.size();
    }

    private void awaitAcks(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sendTimeoutMillis);
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("broker did not acknowledge an outbox event", e);
            }
        }
    }
}
