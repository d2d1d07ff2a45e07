package dev.likeness.users;

import dev.likeness.common.ApiException;
import dev.likeness.common.FieldValidationException;
import dev.likeness.faceindex.FaceImageUpload;
import dev.likeness.media.MediaVault;
import dev.likeness.media.SignedUrlIssuer;
import dev.likeness.storedface.StoredFace;
import dev.likeness.storedface.StoredFaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Faces imported into a user's profile: at most five per user, each a
 * stored face of source {@code enrolled}. They are the user's last-resort reference for
 * biometric_authentication sessions without a portrait, and they are indexed as {@code imported}
 * faces for face search and duplicate screening (never blocklisted by being imported).
 */
@ApplicationScoped
public class ProfileFaces {

    /** A profile face as the API shows it. */
    public record ProfileFace(UUID uuid, String imageUrl, OffsetDateTime createdAt) {
    }

    static final int MAX_FACES = 5;
    static final String MEDIA_KIND = "profile_face";

    private final StoredFaces storedFaces;
    private final MediaVault vault;
    private final SignedUrlIssuer links;

    public ProfileFaces(StoredFaces storedFaces, MediaVault vault, SignedUrlIssuer links) {
        this.storedFaces = storedFaces;
        this.vault = vault;
        this.links = links;
    }

    public List<ProfileFace> list(UUID applicationId, String vendorData) {
        AppUser user = user(applicationId, vendorData, false);
        return faces(user).stream().map(this::view).toList();
    }

    @Transactional
    public ProfileFace add(UUID applicationId, String vendorData, FaceImageUpload.UploadedFace upload) {
        AppUser user = user(applicationId, vendorData, true);
        if (faces(user).size() >= MAX_FACES) {
            throw new FieldValidationException(FaceImageUpload.FIELD,
                    "A user holds at most " + MAX_FACES + " profile faces; delete one first.");
        }
        UUID media = vault.store(applicationId, null, MEDIA_KIND, upload.contentType(), upload.bytes());
        UUID id = storedFaces.save(applicationId, null, user.vendorData, StoredFace.ENROLLED, true, upload.embedding(),
                upload.modelVersion(), media);
        return view(StoredFace.findById(id));
    }

    @Transactional
    public void delete(UUID applicationId, String vendorData, UUID faceId) {
        AppUser user = user(applicationId, vendorData, true);
        StoredFace face = faces(user).stream().filter(f -> f.id.equals(faceId)).findFirst()
                .orElseThrow(ApiException::notFound);
        if (face.mediaId != null) {
            vault.delete(List.of(face.mediaId));
        }
        face.delete();
    }

    private static AppUser user(UUID applicationId, String vendorData, boolean forUpdate) {
        return AppUser.findVisible(applicationId, vendorData, forUpdate).orElseThrow(ApiException::notFound);
    }

    @SuppressWarnings("unchecked")
    private static List<StoredFace> faces(AppUser user) {
        return StoredFace.getEntityManager().createNativeQuery("select * from face_template where application_id = ?1 "
                        + "and source = ?2 and deleted_at is null and " + AppUser.KEY_SQL.formatted("vendor_data") + " = "
                        + AppUser.KEY_SQL.formatted("cast(?3 as varchar)") + " order by created_at", StoredFace.class)
                .setParameter(1, user.applicationId).setParameter(2, StoredFace.ENROLLED).setParameter(3, user.vendorData)
                .getResultList();
    }

    private ProfileFace view(StoredFace face) {
        return new ProfileFace(face.id, links.link(face.mediaId), face.createdAt);
    }
}
