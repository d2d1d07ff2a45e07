package dev.likeness.session;

import dev.likeness.common.FieldValidationException;
import dev.likeness.measurement.FaceMeasurer;
import dev.likeness.measurement.ReferenceMeasurement;
import dev.likeness.media.Base64ImagePayload;
import dev.likeness.media.DecodedImage;
import dev.likeness.media.ImageDecoder;
import dev.likeness.media.ImageDetail;
import dev.likeness.media.InvalidImageException;
import dev.likeness.media.MediaConfig;
import dev.likeness.media.MediaVault;
import dev.likeness.storedface.StoredFaceRefresher;
import dev.likeness.storedface.StoredFaces;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the reference face for a biometric-authentication session: the {@code portrait_image} when
 * one is sent, else the user's stored face from an approved verification, else an imported profile face.
 */
@ApplicationScoped
class ReferenceFaceResolver {

    static final String NO_STORED_FACE = "No stored face image was found for this user. Send a portrait_image, or "
            + "complete an approved verification with face liveness or an ID document for this vendor_data first.";
    static final String NO_PORTRAIT_NOR_USER = "Send a portrait_image, or a vendor_data whose user has a stored face "
            + "image from an approved verification.";
    static final String NO_FACE_IN_PORTRAIT = "No face was found in the portrait_image.";
    static final String FIELD = "portrait_image";

    private final ImageDecoder decoder;
    private final MediaConfig mediaConfig;
    private final FaceMeasurer measurer;
    private final StoredFaces storedFaces;
    private final MediaVault vault;
    private final StoredFaceRefresher refresher;

    ReferenceFaceResolver(ImageDecoder decoder, MediaConfig mediaConfig, FaceMeasurer measurer,
                          StoredFaces storedFaces, MediaVault vault, StoredFaceRefresher refresher) {
        this.decoder = decoder;
        this.mediaConfig = mediaConfig;
        this.measurer = measurer;
        this.storedFaces = storedFaces;
        this.vault = vault;
        this.refresher = refresher;
    }

    ReferenceFace resolve(UUID applicationId, String portraitImage, String vendorData) {
        if (portraitImage != null) {
            return fromPortrait(portraitImage);
        }
        if (vendorData == null || vendorData.isBlank()) {
            throw new FieldValidationException(FIELD, NO_PORTRAIT_NOR_USER);
        }
        return storedFaces.reusableFor(applicationId, vendorData).stream()
                .map(refresher::current)
                .flatMap(Optional::stream)
                .findFirst()
                .map(face -> {
                    var media = face.mediaId() == null ? null : vault.read(face.mediaId()).orElse(null);
                    return new ReferenceFace(face.embedding(), media == null ? null : media.bytes(),
                            media == null ? null : media.contentType(), face.mediaId(), true, face.sessionId());
                })
                .orElseThrow(() -> new FieldValidationException(FIELD, NO_STORED_FACE));
    }

    private ReferenceFace fromPortrait(String portraitImage) {
        byte[] bytes;
        DecodedImage decoded;
        try {
            bytes = Base64ImagePayload.decode(portraitImage, mediaConfig.portraitMaxBase64Chars());
            decoded = decoder.decode(bytes, mediaConfig.portraitLimits());
            ImageDetail.require(decoded);
        } catch (InvalidImageException e) {
            throw new FieldValidationException(FIELD, e.getMessage());
        }
        ReferenceMeasurement portrait = measurer.reference(() -> decoded);
        if (!portrait.faceFound()) {
            throw new FieldValidationException(FIELD, NO_FACE_IN_PORTRAIT);
        }
        return new ReferenceFace(portrait.descriptor(), bytes, decoded.format().mediaType(), null, false, null);
    }
}
