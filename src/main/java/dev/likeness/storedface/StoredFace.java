package dev.likeness.storedface;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A face descriptor kept for later comparisons, encrypted like media. */
@Entity
@Table(name = "face_template")
public class StoredFace extends PanacheEntityBase {

    /**
     * Where a stored face came from, in the order a returning user's reference prefers them: the
     * latest approved liveness capture, then an ID document's portrait, then an enrolled face.
     */
    public static final String LIVENESS = "liveness";
    public static final String DOCUMENT = "document";
    public static final String ENROLLED = "enrolled";
    /** A session's own reference from {@code portrait_image}: used by that session only. */
    public static final String REFERENCE = "reference";
    /** A saved passive-liveness or age-estimation call's face (face index). */
    public static final String STANDALONE = "standalone";
    /** A saved face search's face: indexed, never matched by later searches. */
    public static final String FACE_SEARCH = "face_search";
    /** A face a list entry owns (uploaded, or copied from a session so it outlives the session). */
    public static final String LIST_ENTRY = "list_entry";

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "vendor_data")
    public String vendorData;

    @Column(nullable = false)
    public String source;

    /** True once the session it came from is Approved (or for an explicit enrolment). */
    @Column(nullable = false)
    public boolean approved;

    @Column(name = "model_version", nullable = false)
    public String modelVersion;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public byte[] nonce;

    @Column(nullable = false)
    public byte[] embedding;

    @Column(name = "media_id")
    public UUID mediaId;

    /** {@code passive-liveness}, {@code age-estimation} or {@code face-search} for faces of saved standalone calls. */
    @Column(name = "api_service")
    public String apiService;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
