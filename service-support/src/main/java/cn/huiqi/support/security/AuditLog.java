package cn.huiqi.support.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Appends to {@code security_audit}, the append-only record of security-relevant requests: every denial (401, 403, a
 * 404 hiding another enterprise's object, 413, 429) and every successful write. Written in its own connection
 * (auto-commit), so a denial is recorded although nothing else is.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final String INSERT = "INSERT INTO security_audit (subject, roles, uscc, method, path, operation,"
            + " remote_address, status, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Vertx vertx;

    public AuditLog(DataSource dataSource, Vertx vertx) {
        this.dataSource = dataSource;
        this.vertx = vertx;
    }

    /** One audited request. {@code outcome} is {@code denied} or {@code written}. */
    public record Entry(String subject, String roles, String uscc, String method, String path, String operation,
            String remoteAddress, int status, String outcome) {
    }

    /** Records the entry; off the event loop when called on it. A failure is logged, never shown to the caller. */
    public void record(Entry entry) {
        if (Context.isOnEventLoopThread()) {
            vertx.executeBlocking(() -> {
                insert(entry);
                return null;
            }, false);
        } else {
            insert(entry);
        }
    }

    private void insert(Entry e) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, e.subject());
            s.setString(2, e.roles());
            s.setString(3, e.uscc());
            s.setString(4, e.method());
            s.setString(5, e.path());
            if (e.operation() == null) {
                s.setNull(6, Types.VARCHAR);
            } else {
                s.setString(6, e.operation());
            }
            s.setString(7, e.remoteAddress());
            s.setInt(8, e.status());
            s.setString(9, e.outcome());
            s.executeUpdate();
        } catch (SQLException ex) {
            LOG.errorf(ex, "could not write the security audit entry %s %s %d", e.method(), e.path(), e.status());
        }
    }
}
