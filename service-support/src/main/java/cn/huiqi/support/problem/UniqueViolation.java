package cn.huiqi.support.problem;

import java.sql.SQLException;

/** Recognizes PostgreSQL's unique_violation (SQLSTATE 23505) anywhere in a cause chain. */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    /** Whether {@code e} was caused by a unique or primary-key constraint: two requests raced for the same thing. */
    public static boolean in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
