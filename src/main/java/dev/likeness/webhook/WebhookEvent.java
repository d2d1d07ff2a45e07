package dev.likeness.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event waiting for (or done with) one destination: the transactional outbox row. The body is
 * built when it is sent, so {@code decision} is what the decision endpoint shows at that moment;
 * {@link #status} is fixed here, so each event reports the status it was raised for.
 */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    /** Order of events per session and destination; assigned by the database. */
    @Column(name = "seq", nullable = false, insertable = false, updatable = false)
    @org.hibernate.annotations.Generated
    public Long seq;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "destination_id", nullable = false)
    public UUID destinationId;

    /** The {@code event_id} receivers de-duplicate on; shared by all destinations of one event and by resends. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "webhook_type", nullable = false)
    public String webhookType;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(nullable = false)
    public String status;

    /** The body of a user event, fixed when it was raised; null for session events, built at send time. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String payload;

    /** {@code automatic} or {@code resend}. */
    @Column(nullable = false)
    public String trigger;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "first_attempt_at")
    public OffsetDateTime firstAttemptAt;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
