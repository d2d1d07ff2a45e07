package dev.likeness.faceindex;

import dev.likeness.storedface.StoredFaceRefresher;
import dev.likeness.storedface.StoredFaces;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Re-describes, one at a time in the background, indexed faces whose descriptor came from another
 * model pack. Each refreshed descriptor is written back, which the change log turns into an index
 * update on every pod. A face is tried once per process: one without a usable image stays out.
 */
@ApplicationScoped
class StaleFaceRefresher {

    private static final Logger LOG = Logger.getLogger(StaleFaceRefresher.class);

    private final StoredFaces faces;
    private final StoredFaceRefresher refresher;
    private final Set<UUID> tried = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "face-index-refresh");
        t.setDaemon(true);
        return t;
    });

    StaleFaceRefresher(StoredFaces faces, StoredFaceRefresher refresher) {
        this.faces = faces;
        this.refresher = refresher;
    }

    void submit(Collection<UUID> faceIds) {
        for (UUID id : faceIds) {
            if (tried.add(id)) {
                worker.submit(() -> refresh(id));
            }
        }
    }

    private void refresh(UUID id) {
        try {
            faces.byId(id).ifPresent(refresher::current);
        } catch (RuntimeException e) {
            LOG.warnf("face index: stored face %s could not be re-described: %s", id, e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
