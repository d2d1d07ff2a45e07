package dev.likeness.storedface;

import dev.likeness.media.MediaCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Face descriptors kept per application and {@code vendor_data}: a session's reference, and the
 * faces that may serve as a later session's reference once their session is approved.
 */
@ApplicationScoped
public class StoredFaces {

    /** A decrypted stored face. */
    public record Face(UUID id, UUID sessionId, String source, float[] embedding, UUID mediaId, String modelVersion) {
    }

    private static final List<String> REUSE_ORDER = List.of(StoredFace.LIVENESS, StoredFace.DOCUMENT, StoredFace.ENROLLED);

    private final MediaCipher cipher;

    public StoredFaces(MediaCipher cipher) {
        this.cipher = cipher;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID save(UUID applicationId, UUID sessionId, String vendorData, String source, boolean approved,
                     float[] embedding, String modelVersion, UUID mediaId) {
        return save(applicationId, sessionId, vendorData, source, approved, embedding, modelVersion, mediaId, null);
    }

    /** @param apiService the standalone API that captured the face, shown on face-index matches */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID save(UUID applicationId, UUID sessionId, String vendorData, String source, boolean approved,
                     float[] embedding, String modelVersion, UUID mediaId, String apiService) {
        StoredFace face = new StoredFace();
        face.apiService = apiService;
        face.id = UUID.randomUUID();
        MediaCipher.Sealed sealed = cipher.seal(toBytes(embedding), face.id.toString());
        face.applicationId = applicationId;
        face.sessionId = sessionId;
        face.vendorData = vendorData;
        face.source = source;
        face.approved = approved;
        face.modelVersion = modelVersion;
        face.keyId = sealed.keyId();
        face.nonce = sealed.nonce();
        face.embedding = sealed.ciphertext();
        face.mediaId = mediaId;
        face.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        face.persist();
        return face.id;
    }

    /**
     * This user's approved faces in order of preference: liveness captures first, then document
     * portraits, then enrolments, newest first within each; of any model version.
     */
    public List<Face> reusableFor(UUID applicationId, String vendorData) {
        if (vendorData == null || vendorData.isBlank()) {
            return List.of();
        }
        List<Face> found = new ArrayList<>();
        for (String source : REUSE_ORDER) {
            StoredFace.<StoredFace>find("applicationId = ?1 and vendorData = ?2 and source = ?3 and approved = true "
                            + "and deletedAt is null order by createdAt desc", applicationId, vendorData, source)
                    .<StoredFace>list().forEach(face -> found.add(open(face)));
        }
        return found;
    }

    /** A new descriptor for a stored face, from another model version (see {@link StoredFaceRefresher}). */
    @Transactional
    public void replaceEmbedding(UUID faceId, float[] embedding, String modelVersion) {
        StoredFace face = StoredFace.findById(faceId);
        if (face == null) {
            return;
        }
        MediaCipher.Sealed sealed = cipher.seal(toBytes(embedding), face.id.toString());
        face.keyId = sealed.keyId();
        face.nonce = sealed.nonce();
        face.embedding = sealed.ciphertext();
        face.modelVersion = modelVersion;
    }

    public Optional<Face> byId(UUID faceId) {
        return StoredFace.<StoredFace>find("id = ?1 and deletedAt is null", faceId).firstResultOptional().map(this::open);
    }

    /** The face a session compares against (its own reference). */
    public Optional<Face> referenceOf(UUID sessionId) {
        return StoredFace.<StoredFace>find("sessionId = ?1 and source = ?2 and deletedAt is null order by createdAt desc",
                sessionId, StoredFace.REFERENCE).firstResultOptional().map(this::open);
    }

    /** The portrait taken from a kyc session's own identity document. */
    public Optional<Face> documentOf(UUID sessionId) {
        return StoredFace.<StoredFace>find("sessionId = ?1 and source = ?2 and deletedAt is null order by createdAt desc",
                sessionId, StoredFace.DOCUMENT).firstResultOptional().map(this::open);
    }

    /** A session's faces of one source, newest first. */
    public List<Face> ofSession(UUID sessionId, String source) {
        return StoredFace.<StoredFace>find("sessionId = ?1 and source = ?2 and deletedAt is null order by createdAt desc",
                sessionId, source).<StoredFace>list().stream().map(this::open).toList();
    }

    /**
     * Whether a session's faces may serve later sessions as their reference; a session's own
     * reference never does. The session side decides when (it knows what Approved means).
     */
    public void markApproved(UUID sessionId, boolean approved) {
        StoredFace.update("approved = ?1 where sessionId = ?2 and source <> ?3", approved, sessionId,
                StoredFace.REFERENCE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteForSession(UUID sessionId) {
        StoredFace.delete("sessionId", sessionId);
    }

    private Face open(StoredFace face) {
        byte[] plain = cipher.open(new MediaCipher.Sealed(face.keyId, face.nonce, face.embedding), face.id.toString());
        return new Face(face.id, face.sessionId, face.source, descriptorOf(plain), face.mediaId, face.modelVersion);
    }

    private static byte[] toBytes(float[] embedding) {
        ByteBuffer buffer = ByteBuffer.allocate(embedding.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : embedding) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    /** A stored descriptor's plaintext bytes as floats. */
    public static float[] descriptorOf(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = buffer.getFloat();
        }
        return out;
    }
}
