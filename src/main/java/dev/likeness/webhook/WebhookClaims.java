package dev.likeness.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox's state changes, each in its own short transaction so no lock is held while a
 * receiver is being called.
 *
 * <p>Claiming: due rows are selected {@code FOR UPDATE SKIP LOCKED}, so replicas polling at the
 * same moment take disjoint rows, and each claimed row gets a lease and a claim token. A row is
 * only eligible when no earlier row of the same session for the same destination is still
 * pending, which keeps per-session order across replicas. Each destination gets at most
 * per-destination-concurrency rows in flight (counted over all replicas, approximately when two
 * claim at the same instant), so one dead receiver with a backlog cannot starve the others. Completion only counts for the holder of
 * the current token: a sender whose lease ran out (and whose row was taken over) still gets its
 * attempt logged but cannot change the row's state.
 */
@ApplicationScoped
public class WebhookClaims {

    private final EntityManager em;
    private final WebhookConfig config;

    public WebhookClaims(EntityManager em, WebhookConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> claim(int max, UUID token) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = (List<UUID>) em.createNativeQuery("""
                        with candidates as (
                            select x.id,
                                   row_number() over (partition by d.id order by x.next_attempt_at, x.seq) as rn,
                                   (select count(*) from webhook_event f
                                    where f.destination_id = d.id and f.state = 'pending'
                                      and f.lease_until >= clock_timestamp()) as busy
                            from webhook_destination d
                            cross join lateral (
                                select e.id, e.next_attempt_at, e.seq from webhook_event e
                                where e.destination_id = d.id
                                  and e.state = 'pending'
                                  and e.next_attempt_at <= clock_timestamp()
                                  and (e.lease_until is null or e.lease_until < clock_timestamp())
                                  and not exists (select 1 from webhook_event p
                                                  where p.destination_id = e.destination_id
                                                    and p.session_id = e.session_id
                                                    and p.state = 'pending' and p.seq < e.seq)
                                order by e.next_attempt_at, e.seq
                                limit ?2
                            ) x
                            where d.enabled and d.url is not null
                        )
                        select e.id from webhook_event e
                        join candidates c on c.id = e.id
                        where c.rn + c.busy <= ?2
                          and e.state = 'pending'
                          and (e.lease_until is null or e.lease_until < clock_timestamp())
                        order by e.next_attempt_at, e.seq
                        limit ?1
                        for update of e skip locked""")
                .setParameter(1, max)
                .setParameter(2, Math.max(1, config.perDestinationConcurrency()))
                .getResultList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("""
                            update webhook_event
                            set lease_until = clock_timestamp() + make_interval(secs => ?1), claim_token = ?2
                            where id in (?3)""")
                    .setParameter(1, (double) config.lease().toMillis() / 1000)
                    .setParameter(2, token)
                    .setParameter(3, ids)
                    .executeUpdate();
        }
        return ids;
    }

    /**
     * Logs the attempt and moves the row on: delivered on success; otherwise retried per the
     * schedule, or failed once the schedule gives up (or at once when the event can never be sent).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(UUID eventRowId, UUID token, DeliveryAttempt outcome, boolean undeliverable) {
        WebhookEvent event = WebhookEvent.findById(eventRowId);
        if (event == null) {
            return; // its destination was deleted meanwhile, log included
        }
        int attempt = event.attempts + 1;
        WebhookDelivery log = new WebhookDelivery();
        log.id = UUID.randomUUID();
        log.eventRowId = event.id;
        log.destinationId = event.destinationId;
        log.applicationId = event.applicationId;
        log.attempt = attempt;
        log.sentTimestamp = outcome.sentTimestamp();
        log.success = outcome.success();
        log.httpStatus = outcome.httpStatus();
        log.durationMs = outcome.durationMs();
        log.responseBody = outcome.responseBody();
        log.error = outcome.error();
        log.createdAt = outcome.startedAt();
        log.completedAt = outcome.completedAt();
        log.persist();

        if (!token.equals(event.claimToken) || !WebhookEvent.PENDING.equals(event.state)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        event.attempts = attempt;
        if (event.firstAttemptAt == null) {
            event.firstAttemptAt = outcome.startedAt();
        }
        event.leaseUntil = null;
        event.claimToken = null;
        if (outcome.success()) {
            event.state = WebhookEvent.DELIVERED;
            event.finishedAt = now;
            return;
        }
        Optional<OffsetDateTime> next = undeliverable ? Optional.empty()
                : schedule().next(attempt, event.firstAttemptAt, now);
        if (next.isPresent()) {
            event.nextAttemptAt = next.get();
        } else {
            event.state = WebhookEvent.FAILED;
            event.finishedAt = now;
        }
    }

    /** Gives back claims that were never started (clean shutdown), so nobody waits for their lease. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(List<UUID> eventRowIds, UUID token) {
        if (eventRowIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("update webhook_event set lease_until = null, claim_token = null "
                        + "where id in (?1) and claim_token = ?2")
                .setParameter(1, eventRowIds)
                .setParameter(2, token)
                .executeUpdate();
    }

    RetrySchedule schedule() {
        return new RetrySchedule(config.retryBackoff(), config.maxAge());
    }

    static Duration leaseFloor(WebhookConfig config) {
        return config.connectTimeout().plus(config.requestTimeout()).plusSeconds(5);
    }
}
