package dev.likeness.common;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises a failure that means "the database cannot be reached right now" rather than "this
 * request is wrong" or "the code is wrong": a dropped or refused connection, a server shutting
 * down, or a pool with no connection to lend. Such a request is worth retrying a few seconds later.
 */
public final class DatabaseOutage {

    /**
     * SQLState classes and codes of a lost or refused connection: class 08 (connection exception) and
     * 57P01-57P03 (the server terminated the backend, crashed, or does not accept connections yet).
     */
    private static final String CONNECTION_CLASS = "08";
    private static final String[] SERVER_GOING_AWAY = {"57P01", "57P02", "57P03"};

    private DatabaseOutage() {
    }

    /** Whether {@code failure} or anything that caused it is a lost database connection. */
    public static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionLost(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            if (state.startsWith(CONNECTION_CLASS)) {
                return true;
            }
            for (String code : SERVER_GOING_AWAY) {
                if (code.equals(state)) {
                    return true;
                }
            }
        }
        // Agroal's pool answers an exhausted wait with a plain SQLException and no SQLState.
        return state == null && e.getMessage() != null && e.getMessage().contains("acquisition timeout");
    }
}
