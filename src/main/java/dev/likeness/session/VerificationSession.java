package dev.likeness.session;

import dev.likeness.verdict.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A verification session: a hosted-flow session, or an API-type session recorded by a standalone
 * call ({@link #apiService} set). Soft-deleted sessions keep their row but are invisible.
 */
@Entity
@Table(name = "verification_session")
public class VerificationSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "session_number", nullable = false, insertable = false, updatable = false)
    @org.hibernate.annotations.Generated
    public Long sessionNumber;

    @Column(name = "session_kind", nullable = false)
    public String sessionKind = "user";

    @Column(name = "session_token")
    public String sessionToken;

    @Column(name = "workflow_id")
    public UUID workflowId;

    @Column(name = "workflow_version")
    public Integer workflowVersion;

    /** FACE_MATCH, PASSIVE_LIVENESS or AGE_ESTIMATION for sessions recorded by standalone calls. */
    @Column(name = "api_service")
    public String apiService;

    @Column(nullable = false)
    public Status status;

    @Column(name = "vendor_data")
    public String vendorData;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String metadata;

    public String callback;

    @Column(name = "callback_method")
    public String callbackMethod;

    public String language;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contact_details", columnDefinition = "jsonb")
    public String contactDetails;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "expected_details", columnDefinition = "jsonb")
    public String expectedDetails;

    /** JSON array of the decision's feature names. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String features = "[]";

    @Column(name = "reference_media_id")
    public UUID referenceMediaId;

    @Column(name = "source_image_session_id")
    public UUID sourceImageSessionId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    /** Another application's session, or a deleted one, is treated exactly like a missing one. */
    public static Optional<VerificationSession> findVisible(UUID applicationId, UUID id) {
        return find("id = ?1 and applicationId = ?2 and deletedAt is null", id, applicationId).firstResultOptional();
    }
}
