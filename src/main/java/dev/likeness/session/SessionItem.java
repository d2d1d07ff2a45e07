package dev.likeness.session;

import dev.likeness.risk.Warning;
import dev.likeness.verdict.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What every feature item of a session has (a decision's {@code liveness_checks[]},
 * {@code face_matches[]}, {@code id_verifications[]} entries): its node, status, warnings and
 * attempts. Only the last attempt's values are kept.
 */
@MappedSuperclass
public abstract class SessionItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "node_id")
    public String nodeId;

    @Column(nullable = false)
    public Status status;

    /** The warnings as the decision shows them, stored as a JSON array. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Warning> warnings = List.of();

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Makes this a new item of the session's node, Not Finished until an attempt decides it. */
    public void begin(VerificationSession session, String nodeId, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.sessionId = session.id;
        this.applicationId = session.applicationId;
        this.nodeId = nodeId;
        this.status = Status.NOT_FINISHED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Adds a warning raised after the item was judged, once per risk, and lets the status follow it
     * (the most severe wins).
     */
    public void raise(Warning warning) {
        if (warnings.stream().noneMatch(w -> w.risk().equals(warning.risk()))) {
            List<Warning> all = new ArrayList<>(warnings);
            all.add(warning);
            warnings = all;
        }
        status = Status.merge(status, Status.ofWarnings(List.of(warning)));
    }
}
