package dev.likeness.common;

import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database drops this service's connections (a failover, a restart, an administrator): the
 * requests that hit a dead connection answer 503 with Retry-After, log one line each, and the
 * service recovers on its own.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String KEY = TestTenants.BOOTSTRAP_KEY;

    private final List<Captured> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(new Captured(Thread.currentThread().getName(), record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private record Captured(String thread, LogRecord record) {
    }

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void lostConnectionsAnswer503WithRetryAfterAndOneLogLine() throws Exception {
        // Requests in parallel leave several connections in the pool, so that after the cut some
        // request reaches a dead one past the rate limiter (which fails open on its own dead one).
        ExecutorService parallel = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> warmUp = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                warmUp.add(parallel.submit(() -> given().header("x-api-key", KEY).get("/v3/workflows/").statusCode()));
            }
            for (Future<Integer> status : warmUp) {
                assertEquals(200, status.get());
            }
        } finally {
            parallel.shutdown();
        }

        int terminated = terminateOwnConnections();
        assertTrue(terminated > 0, "the pool held connections to terminate");

        Response failed = null;
        for (int attempt = 0; attempt < 10 && failed == null; attempt++) {
            records.clear();
            Response answer = given().header("x-api-key", KEY).get("/v3/workflows/");
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 503,
                    "a request during the outage is a 503 (or, on a fresh connection, a 200), never " + answer.statusCode());
            if (answer.statusCode() == 503) {
                failed = answer;
            }
        }
        assertNotNull(failed, "some request met a dead connection");
        failed.then().statusCode(503)
                .header("Retry-After", equalTo("5"))
                .contentType(containsString("application/json"))
                .body("code", equalTo("database_unavailable"))
                .body("detail", containsString(failed.header(RequestIds.HEADER)));

        String requestId = failed.header(RequestIds.HEADER);
        // The rate limiter's once-per-outage notice that it fails open is not this request's error line.
        List<LogRecord> requestLog = records.stream()
                .filter(c -> c.thread().startsWith("executor-thread"))
                .map(Captured::record)
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(r -> !r.getLoggerName().endsWith("SlidingWindowLimiter"))
                .toList();
        assertEquals(1, requestLog.size(), () -> "one log line for the failed request, got: "
                + requestLog.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        assertTrue(format(requestLog.get(0)).contains(requestId), "the line names the request id");
        assertNull(requestLog.get(0).getThrown(), "no stack trace");

        // The pool replaces the dead connections; within a few tries everything answers again.
        int status = 0;
        for (int attempt = 0; attempt < 30 && status != 200; attempt++) {
            status = given().header("x-api-key", KEY).get("/v3/workflows/").statusCode();
            if (status != 200) {
                assertEquals(503, status, "a request meanwhile is a 503, never a 500");
                Thread.sleep(200);
            }
        }
        assertEquals(200, status, "the service recovers without a restart");
    }

    private static String format(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        return parameters == null ? message : String.format(message, parameters) + " " + message;
    }

    /** Terminates only this test run's pool, named by application_name in application.properties. */
    private static int terminateOwnConnections() throws Exception {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        String applicationName = config.getValue(
                "quarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName", String.class);
        try (Connection admin = DriverManager.getConnection(url, user, password);
             PreparedStatement terminate = admin.prepareStatement(
                     "select count(pg_terminate_backend(pid)) from pg_stat_activity "
                             + "where datname = current_database() and pid <> pg_backend_pid() and application_name = ?")) {
            terminate.setString(1, applicationName);
            try (ResultSet rs = terminate.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
