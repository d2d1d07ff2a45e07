package dev.likeness.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A session's liveness item ({@code liveness_checks[]}), updated on each capture attempt. */
@Entity
@Table(name = "liveness_check")
public class LivenessCheck extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "node_id")
    public String nodeId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String method;

    public BigDecimal score;

    @Column(name = "face_quality")
    public BigDecimal faceQuality;

    @Column(name = "face_luminance")
    public BigDecimal faceLuminance;

    @Column(name = "age_estimation")
    public BigDecimal ageEstimation;

    /** JSON array of warnings as the decision shows them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String warnings = "[]";

    @Column(name = "reference_media_id")
    public UUID referenceMediaId;

    @Column(name = "video_media_id")
    public UUID videoMediaId;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static List<LivenessCheck> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by createdAt", sessionId);
    }
}
