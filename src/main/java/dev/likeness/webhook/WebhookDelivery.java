package dev.likeness.webhook;

import dev.likeness.common.Page;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One attempt to send one event: the destinations API's delivery log. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public static final int SNIPPET_BYTES = 1024;

    @Id
    public UUID id;

    @Column(name = "event_row_id", nullable = false)
    public UUID eventRowId;

    @Column(name = "destination_id", nullable = false)
    public UUID destinationId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public int attempt;

    /** The {@code timestamp} / {@code X-Timestamp} this attempt carried (null if nothing was sent). */
    @Column(name = "sent_timestamp")
    public Long sentTimestamp;

    @Column(nullable = false)
    public boolean success;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(name = "duration_ms")
    public Integer durationMs;

    /** At most {@link #SNIPPET_BYTES} bytes of what the receiver answered. */
    @Column(name = "response_body")
    public String responseBody;

    public String error;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "completed_at", nullable = false)
    public OffsetDateTime completedAt;

    public static List<WebhookDelivery> ofDestination(UUID destinationId, Page.Window window) {
        return find("destinationId = ?1 order by createdAt desc, id", destinationId).range(window.offset(), window.last()).list();
    }

    public static long countOfDestination(UUID destinationId) {
        return count("destinationId = ?1", destinationId);
    }

    public static Optional<WebhookDelivery> findOfDestination(UUID destinationId, UUID id) {
        return find("id = ?1 and destinationId = ?2", id, destinationId).firstResultOptional();
    }
}
