package dev.likeness.session;

import dev.likeness.verdict.Status;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Closes sessions nobody finished in time: Not Started → Expired, In Progress (or Resubmitted) →
 * Abandoned, each with its status.updated event. Rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so several replicas can run the job at once without touching the same session.
 */
@ApplicationScoped
public class SessionExpiry {

    private static final int BATCH = 200;

    private final EntityManager entityManager;
    private final SessionStatusMachine machine;

    public SessionExpiry(EntityManager entityManager, SessionStatusMachine machine) {
        this.entityManager = entityManager;
        this.machine = machine;
    }

    @Scheduled(every = "${likeness.sessions.expiry-interval:60s}", identity = "session-expiry",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        while (expireDue() == BATCH) {
            // keep going until a batch comes back short
        }
    }

    /** Closes one batch of overdue sessions; returns how many it closed. */
    @Transactional
    public int expireDue() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                select id from verification_session
                where deleted_at is null and expires_at < :now
                  and status in ('Not Started', 'In Progress', 'Resubmitted')
                order by expires_at
                limit :batch
                for update skip locked""", UUID.class)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("batch", BATCH)
                .getResultList();
        for (UUID id : ids) {
            VerificationSession session = VerificationSession.findById(id);
            machine.move(session, session.status == Status.NOT_STARTED ? Status.EXPIRED : Status.ABANDONED);
        }
        return ids.size();
    }
}
