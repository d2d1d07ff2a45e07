package dev.likeness.webhook;

import dev.likeness.common.Page;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an application's events go. The legacy app-level {@code webhook_url} is the destination
 * with {@link #legacy} set: it has no URL until one is configured and always receives every
 * session event type.
 */
@Entity
@Table(name = "webhook_destination")
public class WebhookDestination extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public boolean legacy;

    public String url;

    /** Human-readable name, as Didit's console shows it; empty when none was given. */
    @Column(nullable = false)
    public String label = "";

    /** Kept as issued because it keys the HMACs; never logged, shown only to the owning application. */
    @Column(name = "secret_shared_key", nullable = false)
    public String secretSharedKey;

    /** JSON array of event types, e.g. {@code ["status.updated"]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "subscribed_events", nullable = false, columnDefinition = "jsonb")
    public String subscribedEvents = "[]";

    @Column(name = "webhook_version", nullable = false)
    public String webhookVersion;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Another application's destination is treated exactly like a missing one. */
    public static Optional<WebhookDestination> findOwned(UUID applicationId, UUID id) {
        return find("id = ?1 and applicationId = ?2", id, applicationId).firstResultOptional();
    }

    public static Optional<WebhookDestination> findLegacy(UUID applicationId) {
        return find("applicationId = ?1 and legacy = true", applicationId).firstResultOptional();
    }

    /** The destinations listed by the API, oldest first: every explicit one, plus the legacy one once it has a URL. */
    public static List<WebhookDestination> listed(UUID applicationId) {
        return list("applicationId = ?1 and (legacy = false or url is not null) order by createdAt, id", applicationId);
    }

    /** Destinations that take new events now: enabled, with a URL. */
    public static List<WebhookDestination> receiving(UUID applicationId) {
        return list("applicationId = ?1 and enabled = true and url is not null", applicationId);
    }
}
