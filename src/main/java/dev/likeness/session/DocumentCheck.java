package dev.likeness.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A kyc session's identity-document photo, whose portrait becomes the face-match reference. */
@Entity
@Table(name = "document_check")
public class DocumentCheck extends PanacheEntityBase {

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

    @Column(name = "front_media_id")
    public UUID frontMediaId;

    @Column(name = "portrait_media_id")
    public UUID portraitMediaId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String warnings = "[]";

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static List<DocumentCheck> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by createdAt", sessionId);
    }
}
