package cn.huiqi.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import cn.huiqi.support.problem.ProblemException;

/**
 * Per-caller rate limits of expensive operations: a one-minute window per (operation, caller) that starts with the
 * caller's first call, counted in the service's database ({@code rate_limit_window}), so every instance of the service
 * counts against the same limit. The count is committed on its own, whatever becomes of the request.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int SWEEP_EVERY = 1_000;
    private static final int LONGEST_CALLER = 200;
    private static final String COUNT = "INSERT INTO rate_limit_window AS w (key, window_start, count)"
            + " VALUES (?, clock_timestamp(), 1) ON CONFLICT (key) DO UPDATE SET"
            + " window_start = CASE WHEN w.window_start <= clock_timestamp() - interval '1 minute'"
            + " THEN clock_timestamp() ELSE w.window_start END,"
            + " count = CASE WHEN w.window_start <= clock_timestamp() - interval '1 minute' THEN 1 ELSE w.count + 1 END"
            + " RETURNING count,"
            + " ceil(extract(epoch FROM (window_start + interval '1 minute' - clock_timestamp())))::bigint";
    private static final String SWEEP = "DELETE FROM rate_limit_window"
            + " WHERE window_start < clock_timestamp() - interval '5 minutes'";

    private final DataSource dataSource;
    private final AtomicLong calls = new AtomicLong();

    public RateLimiter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts one call of {@code operation} by {@code caller}; 429 with Retry-After once over {@code perMinute}. */
    public void acquire(String operation, String caller, int perMinute) {
        String key = operation + "|" + (caller.length() > LONGEST_CALLER ? "sha256:" + sha256(caller) : caller);
        long[] counted = QuarkusTransaction.requiringNew().call(() -> count(key));
        if (counted[0] > perMinute) {
            long retryAfter = Math.max(1, counted[1]);
            throw new ProblemException(429, "rate-limited", "Too many requests",
                    operation + " allows " + perMinute + " calls a minute per caller; retry in " + retryAfter + " s",
                    Map.of("limit", perMinute, "retryAfterSeconds", retryAfter))
                    .withHeader("Retry-After", String.valueOf(retryAfter));
        }
    }

    private long[] count(String key) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
                try (PreparedStatement s = c.prepareStatement(SWEEP)) {
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement(COUNT)) {
                s.setString(1, key);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new long[]{r.getLong(1), r.getLong(2)};
                }
            }
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
