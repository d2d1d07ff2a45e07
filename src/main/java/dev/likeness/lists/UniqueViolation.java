package dev.likeness.lists;

import java.sql.SQLException;

/** Recognises PostgreSQL's unique_violation (SQLSTATE 23505) anywhere in a failure's causes. */
final class UniqueViolation {

    private UniqueViolation() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
