package dev.likeness.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves outbox rows to receivers. One loop thread claims due rows (see {@link WebhookClaims}) only
 * as fast as the bounded pool of sender threads frees up, so a slow or dead receiver costs sender
 * slots, never API threads, and claimed rows never wait in a queue past their lease. Wakes on its
 * poll interval, after a status change commits, and whenever a send finishes.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookConfig config;
    private final WebhookClaims claims;
    private final WebhookEnvelopes envelopes;
    private final WebhookSender sender;

    private final Object signal = new Object();
    private boolean nudged;
    private volatile boolean running;
    private Thread loop;
    private ThreadPoolExecutor senders;
    private Semaphore slots;
    /** Claimed rows not finished yet, with the token they were claimed under. */
    private final Map<UUID, UUID> inFlight = new ConcurrentHashMap<>();

    public WebhookDispatcher(WebhookConfig config, WebhookClaims claims, WebhookEnvelopes envelopes,
                             WebhookSender sender) {
        this.config = config;
        this.claims = claims;
        this.envelopes = envelopes;
        this.sender = sender;
    }

    void start(@Observes StartupEvent event) {
        if (!config.dispatcherEnabled()) {
            LOG.info("webhook dispatcher disabled in this process (likeness.webhooks.dispatcher-enabled=false)");
            return;
        }
        if (config.lease().compareTo(WebhookClaims.leaseFloor(config)) < 0) {
            LOG.warnf("likeness.webhooks.lease (%s) should exceed connect + request timeout by a few seconds, "
                    + "or a slow send may be taken over and sent twice", config.lease());
        }
        int threads = Math.max(1, config.maxConcurrency());
        AtomicInteger counter = new AtomicInteger();
        senders = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        slots = new Semaphore(threads);
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            loop.join(2_000);
            senders.shutdown();
            if (!senders.awaitTermination(config.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
                senders.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releaseUnfinished();
    }

    /** Look for due events now rather than at the next poll. */
    public void wake() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                int free = slots.availablePermits();
                if (free > 0) {
                    UUID token = UUID.randomUUID();
                    List<UUID> claimed = claims.claim(free, token);
                    for (UUID id : claimed) {
                        slots.acquire();
                        inFlight.put(id, token);
                        senders.execute(() -> deliver(id, token));
                    }
                    if (!claimed.isEmpty() && claimed.size() == free) {
                        continue; // more may be due; a full pool parks in idle() until a send finishes
                    }
                }
                idle(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Typically the database being unreachable; nothing is lost, rows stay in the outbox.
                LOG.warnf("webhook dispatcher could not poll the outbox: %s", e.getClass().getSimpleName());
                try {
                    idle(Math.max(1_000, config.pollInterval().toMillis()));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void idle(long millis) throws InterruptedException {
        synchronized (signal) {
            if (!nudged && running) {
                signal.wait(Math.max(1, millis));
            }
            nudged = false;
        }
    }

    private void deliver(UUID eventRowId, UUID token) {
        try {
            Optional<WebhookEnvelopes.Prepared> prepared = envelopes.prepare(eventRowId);
            if (prepared.isEmpty()) {
                return;
            }
            WebhookEnvelopes.Prepared p = prepared.get();
            if (p.undeliverable() != null) {
                claims.complete(eventRowId, token, notSent(p.undeliverable()), true);
                return;
            }
            long timestamp = Instant.now().getEpochSecond();
            p.envelope().put("timestamp", timestamp);
            SignedWebhook signed = WebhookSigner.sign(p.envelope(), p.secret());
            DeliveryAttempt outcome = sender.send(p.url(), signed, timestamp);
            LOG.debugf("webhook event row %s attempt %d: success=%s status=%s", eventRowId, p.attempt(),
                    outcome.success(), outcome.httpStatus());
            claims.complete(eventRowId, token, outcome, false);
        } catch (RuntimeException e) {
            LOG.warnf("webhook event row %s could not be processed (%s); counted as a failed attempt",
                    eventRowId, e.getClass().getSimpleName());
            try {
                claims.complete(eventRowId, token, notSent("Internal error while preparing the event."), false);
            } catch (RuntimeException again) {
                LOG.warnf("webhook event row %s stays claimed until its lease ends (%s)", eventRowId,
                        again.getClass().getSimpleName());
            }
        } finally {
            inFlight.remove(eventRowId);
            slots.release();
            wake();
        }
    }

    private static DeliveryAttempt notSent(String error) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new DeliveryAttempt(null, false, null, 0, null, error, now, now);
    }

    private void releaseUnfinished() {
        Map<UUID, List<UUID>> byToken = new ConcurrentHashMap<>();
        inFlight.forEach((row, token) -> byToken.computeIfAbsent(token, t -> new ArrayList<>()).add(row));
        byToken.forEach((token, rows) -> {
            try {
                claims.release(rows, token);
            } catch (RuntimeException e) {
                LOG.warnf("%d webhook events stay claimed until their lease ends", rows.size());
            }
        });
    }
}
