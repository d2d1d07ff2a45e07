package dev.likeness.faceindex;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Listens on the {@code likeness_face_index} channel, which the change-log triggers notify on
 * commit, and brings the named application's gallery up to date before anyone searches it. After a
 * lost connection every held gallery catches up, since notifications sent meanwhile are gone.
 */
@ApplicationScoped
class FaceIndexListener {

    private static final Logger LOG = Logger.getLogger(FaceIndexListener.class);
    private static final String CHANNEL = "likeness_face_index";

    private final DataSource dataSource;
    private final FaceIndex index;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    FaceIndexListener(DataSource dataSource, FaceIndex index, FaceIndexConfig config) {
        this.dataSource = dataSource;
        this.index = index;
        this.enabled = config.listen();
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "face-index-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        long backoffMillis = 500;
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (reconnecting) {
                    index.refreshAll();
                    LOG.info("face index: listening again; galleries caught up");
                }
                backoffMillis = 500;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        applicationOf(n.getParameter()).ifPresent(index::refresh);
                    }
                }
            } catch (SQLException | IndexUnavailableException e) {
                if (!running) {
                    return;
                }
                if (!reconnecting) {
                    LOG.warnf("face index: lost the notification connection (%s); searches still catch up from the log",
                            e.getMessage());
                }
                reconnecting = true;
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            } catch (RuntimeException e) {
                LOG.error("face index: notification handling failed", e);
                sleep(backoffMillis);
            }
        }
    }

    private static java.util.Optional<UUID> applicationOf(String payload) {
        try {
            return java.util.Optional.of(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
