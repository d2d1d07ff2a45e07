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

/** A session's face-match item ({@code face_matches[]}); only the last attempt's score counts. */
@Entity
@Table(name = "face_match_check")
public class FaceMatchCheck extends PanacheEntityBase {

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

    public BigDecimal score;

    @Column(name = "source_image_session_id")
    public UUID sourceImageSessionId;

    @Column(name = "source_media_id")
    public UUID sourceMediaId;

    @Column(name = "target_media_id")
    public UUID targetMediaId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String warnings = "[]";

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static List<FaceMatchCheck> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by createdAt", sessionId);
    }
}
