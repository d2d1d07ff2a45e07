package dev.likeness.session;

import dev.likeness.verdict.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One entry of a session's review activity (status changes by reviewers and their notes). */
@Entity
@Table(name = "session_review")
public class SessionReview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** {@code status_change} or {@code note}. */
    @Column(nullable = false)
    public String action;

    @Column(name = "old_status")
    public Status oldStatus;

    @Column(name = "new_status")
    public Status newStatus;

    public String comment;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static List<SessionReview> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by createdAt", sessionId);
    }
}
