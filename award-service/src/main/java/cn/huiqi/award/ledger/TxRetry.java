package cn.huiqi.award.ledger;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a unit of work in a transaction of its own and runs it again when PostgreSQL aborts it for a serialization
 * failure or a deadlock (SQLSTATE 40001, 40P01): the work is repeated from the start, so it sees what the winner
 * committed. Correctness comes from the row locks the work takes, not from the isolation level.
 */
@ApplicationScoped
public class TxRetry {

    static final int ATTEMPTS = 5;
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    public <T> T inNewTransaction(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public void inNewTransaction(Runnable work) {
        inNewTransaction(() -> {
            work.run();
            return null;
        });
    }

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
