package dev.likeness.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Keeps the outbox from growing forever: finished events go after the retention period, their log with them. */
@ApplicationScoped
public class WebhookRetention {

    private final WebhookConfig config;

    public WebhookRetention(WebhookConfig config) {
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "10m", identity = "webhook-retention")
    @Transactional
    void purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        // The delivery log goes by ON DELETE CASCADE; safe to run on every replica at once.
        WebhookEvent.delete("state <> ?1 and finishedAt < ?2", WebhookEvent.PENDING, cutoff);
    }
}
