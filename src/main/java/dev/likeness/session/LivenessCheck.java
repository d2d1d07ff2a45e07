package dev.likeness.session;

import dev.likeness.faceindex.IndexMatch;
import dev.likeness.workflow.LivenessMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A session's liveness item ({@code liveness_checks[]}), updated on each capture attempt. */
@Entity
@Table(name = "liveness_check")
public class LivenessCheck extends SessionItem {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LivenessMethod method;

    public BigDecimal score;

    @Column(name = "face_quality")
    public BigDecimal faceQuality;

    @Column(name = "face_luminance")
    public BigDecimal faceLuminance;

    @Column(name = "age_estimation")
    public BigDecimal ageEstimation;

    @Column(name = "reference_media_id")
    public UUID referenceMediaId;

    @Column(name = "video_media_id")
    public UUID videoMediaId;

    /** The screening hits (face index matches), stored as a JSON array; null before any screening. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<IndexMatch> matches;

    public static List<LivenessCheck> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by createdAt", sessionId);
    }
}
