package dev.likeness.faceindex;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Keeps the change log short; a gallery idle for longer than the retention reloads whole instead. */
@ApplicationScoped
class FaceIndexChangePruner {

    private final EntityManager em;
    private final FaceIndexConfig config;

    FaceIndexChangePruner(EntityManager em, FaceIndexConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        em.createNativeQuery("delete from face_index_change where created_at < ?1")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minus(config.changeRetention()))
                .executeUpdate();
    }
}
