package dev.likeness.faceindex;

import dev.likeness.common.FieldValidationException;
import dev.likeness.face.FaceMatcher;
import dev.likeness.measurement.FaceMeasurer;
import dev.likeness.measurement.ReferenceMeasurement;
import dev.likeness.media.Base64ImagePayload;
import dev.likeness.media.DecodedImage;
import dev.likeness.media.ImageDecoder;
import dev.likeness.media.ImageDetail;
import dev.likeness.media.InvalidImageException;
import dev.likeness.media.MediaConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code image} of a face upload (a list's face entry, a user's profile face): Base64, at most
 * a given size once decoded, with a face. The largest face is the one described.
 */
@ApplicationScoped
public class FaceImageUpload {

    /** The uploaded bytes and the descriptor of their largest face. */
    public record UploadedFace(byte[] bytes, String contentType, float[] embedding, String modelVersion) {
    }

    public static final String FIELD = "image";
    static final String NO_FACE = "No face was found in the image.";

    private final ImageDecoder decoder;
    private final MediaConfig media;
    private final FaceMeasurer measurer;
    private final FaceMatcher matcher;

    public FaceImageUpload(ImageDecoder decoder, MediaConfig media, FaceMeasurer measurer, FaceMatcher matcher) {
        this.decoder = decoder;
        this.media = media;
        this.measurer = measurer;
        this.matcher = matcher;
    }

    /** @throws FieldValidationException on {@code image}: missing, not an image, too large, or without a face */
    public UploadedFace read(String image, long maxBytes) {
        if (image == null) {
            throw new FieldValidationException(FIELD, "This field is required.");
        }
        // Base64 of maxBytes, rounded up to whole groups: the decoder then enforces the byte limit itself.
        long maxChars = (maxBytes + 2) / 3 * 4;
        byte[] bytes;
        try {
            bytes = Base64ImagePayload.decode(image, maxChars);
        } catch (InvalidImageException e) {
            throw new FieldValidationException(FIELD, e.getMessage());
        }
        // Decoded inside the slot, as the standalone APIs do: queued uploads hold bytes, not rasters.
        ReferenceMeasurement face = measurer.reference(() -> {
            try {
                DecodedImage decoded = decoder.decode(bytes, media.uploadLimits().withMaxBytes(maxBytes));
                ImageDetail.require(decoded);
                return decoded;
            } catch (InvalidImageException e) {
                throw new FieldValidationException(FIELD, e.getMessage());
            }
        });
        if (!face.faceFound()) {
            throw new FieldValidationException(FIELD, NO_FACE);
        }
        return new UploadedFace(bytes, face.image().format().mediaType(), face.descriptor(), matcher.modelVersion());
    }
}
