package dev.likeness.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * While the database is away, every request would otherwise log a warning from the pool and a
 * 90-line rollback stack trace from the transaction manager, besides the one line with the request
 * id that {@link ApiExceptionMappers} writes. This keeps that one line: library warnings that only
 * repeat a lost connection are dropped; anything else they log still gets through.
 */
@ApplicationScoped
public class DatabaseOutageLogs {

    /** The transaction manager (failed rollback on a dead connection) and the pool (closed connection). */
    private static final List<String> CATEGORIES = List.of("com.arjuna.ats.jta", "io.agroal.pool");

    /** Held so the configured loggers, and with them the filter, stay in place. */
    private final List<Logger> loggers = CATEGORIES.stream().map(Logger::getLogger).toList();

    void install(@Observes StartupEvent event) {
        loggers.forEach(logger -> logger.setFilter(DatabaseOutageLogs::worthLogging));
    }

    /** Whether a library record says more than "the connection is gone". */
    static boolean worthLogging(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            return true;
        }
        if (record.getThrown() != null) {
            return !DatabaseOutage.causedBy(record.getThrown());
        }
        return !mentionsClosedConnection(record.getMessage()) && (record.getParameters() == null
                || java.util.Arrays.stream(record.getParameters()).noneMatch(p -> mentionsClosedConnection(String.valueOf(p))));
    }

    private static boolean mentionsClosedConnection(String text) {
        return text != null && text.contains("This connection has been closed");
    }
}
