package cn.huiqi.support.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiqi.support.problem.ProblemException;

/**
 * Per-caller rate limits of expensive operations: a fixed one-minute window per (operation, token subject), counted in
 * this instance's memory. With n instances behind a load balancer a caller gets up to n times the limit; a shared
 * limit belongs in the gateway (docs/security.md).
 */
@ApplicationScoped
public class RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimiter() {
        this(Clock.systemUTC());
    }

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts one call of {@code operation} by {@code caller}; 429 with Retry-After once over {@code perMinute}. */
    public void acquire(String operation, String caller, int perMinute) {
        long now = clock.millis();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> now - w.start >= WINDOW_MILLIS);
        }
        Window w = windows.compute(operation + "\u0000" + caller, (key, old) -> old == null
                || now - old.start >= WINDOW_MILLIS ? new Window(now, 1) : new Window(old.start, old.count + 1));
        if (w.count > perMinute) {
            long retryAfter = Math.max(1, (w.start + WINDOW_MILLIS - now + 999) / 1000);
            throw new ProblemException(429, "rate-limited", "Too many requests",
                    operation + " allows " + perMinute + " calls a minute per caller; retry in " + retryAfter + " s",
                    Map.of("limit", perMinute, "retryAfterSeconds", retryAfter))
                    .withHeader("Retry-After", String.valueOf(retryAfter));
        }
    }

    private record Window(long start, int count) {
    }
}
