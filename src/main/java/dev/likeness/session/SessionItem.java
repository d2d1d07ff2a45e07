package dev.likeness.session;

import dev.likeness.verdict.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
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

    /** JSON array of warnings as the decision shows them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String warnings = "[]";

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
