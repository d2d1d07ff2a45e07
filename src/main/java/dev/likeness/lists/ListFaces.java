package dev.likeness.lists;

import dev.likeness.common.FieldValidationException;
import dev.likeness.faceindex.FaceImageUpload;
import dev.likeness.media.MediaVault;
import dev.likeness.session.VerificationSession;
import dev.likeness.storedface.StoredFace;
import dev.likeness.storedface.StoredFaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The faces list entries own: stored with source {@code list_entry}, with no session, so an entry
 * outlives the session it came from; its image is kept encrypted apart from any session too.
 */
@ApplicationScoped
class ListFaces {

    static final String MEDIA_KIND = "list_face";
    /**
     * Where a session's face may come from: a verification's liveness capture, else a saved
     * standalone call or face search (sources of the face index schema, V8).
     */
    static final List<String> SESSION_SOURCES = List.of(StoredFace.LIVENESS, StoredFace.STANDALONE, StoredFace.FACE_SEARCH);


    private final StoredFaces storedFaces;
    private final MediaVault vault;

    ListFaces(StoredFaces storedFaces, MediaVault vault) {
        this.storedFaces = storedFaces;
        this.vault = vault;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    UUID store(UUID applicationId, FaceImageUpload.UploadedFace upload) {
        UUID mediaId = vault.store(applicationId, null, MEDIA_KIND, upload.contentType(), upload.bytes());
        return storedFaces.save(applicationId, null, null, StoredFace.LIST_ENTRY, false, upload.embedding(),
                upload.modelVersion(), mediaId);
    }

    /**
     * A copy of the session's newest liveness face, or of the one whose id is {@code value}. A
     * copy, not a link, because deleting the session deletes its faces while the entry stays.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID copyFromSession(VerificationSession session, String value) {
        List<StoredFaces.Face> found = sessionFaces(session.id);
        if (found.isEmpty()) {
            throw new FieldValidationException("reference_session_id", "This session has no face.");
        }
        StoredFaces.Face face = found.get(0);
        if (value != null) {
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            face = found.stream().filter(f -> f.id().toString().equals(wanted)).findFirst()
                    .orElseThrow(() -> new FieldValidationException("value", "This is not a face of the referenced session."));
        }
        UUID mediaId = null;
        if (face.mediaId() != null) {
            mediaId = vault.read(face.mediaId())
                    .map(m -> vault.store(session.applicationId, null, MEDIA_KIND, m.contentType(), m.bytes()))
                    .orElse(null);
        }
        return storedFaces.save(session.applicationId, null, session.vendorData, StoredFace.LIST_ENTRY, false,
                face.embedding(), face.modelVersion(), mediaId);
    }

    /** Whether the session has a face a list entry can be made from. */
    boolean sessionHasFace(UUID sessionId) {
        return StoredFace.count("sessionId = ?1 and source in ?2 and deletedAt is null", sessionId, SESSION_SOURCES) > 0;
    }

    /** The session's faces of the first source that has any, newest first. */
    private List<StoredFaces.Face> sessionFaces(UUID sessionId) {
        for (String source : SESSION_SOURCES) {
            List<StoredFaces.Face> found = storedFaces.ofSession(sessionId, source);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** Deletes owned faces and their images; the entries pointing at them go by cascade if still there. */
    @Transactional(Transactional.TxType.MANDATORY)
    void delete(Collection<UUID> faceIds) {
        if (faceIds.isEmpty()) {
            return;
        }
        List<StoredFace> owned = StoredFace.list("id in ?1 and source = ?2", faceIds, StoredFace.LIST_ENTRY);
        List<UUID> media = owned.stream().map(f -> f.mediaId).filter(Objects::nonNull).toList();
        owned.forEach(StoredFace::delete);
        StoredFace.flush();
        vault.delete(media);
    }
}
