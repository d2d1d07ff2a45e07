package dev.likeness.standalone;

import dev.likeness.media.DecodedImage;
import dev.likeness.media.ImageDecoder;
import dev.likeness.media.ImageDetail;
import dev.likeness.media.InvalidImageException;
import dev.likeness.media.MediaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** An uploaded image file, read and decoded, or a field error explaining why it can't be. */
@ApplicationScoped
class StandaloneImage {

    /** The bytes (kept for storage) and the decoded, upright picture. */
    record Upload(byte[] bytes, DecodedImage decoded) {
        String contentType() {
            return decoded.format().mediaType();
        }
    }

    private final ImageDecoder decoder;
    private final MediaConfig config;

    StandaloneImage(ImageDecoder decoder, MediaConfig config) {
        this.decoder = decoder;
        this.config = config;
    }

    /** The uploaded bytes of {@code field}, or null with the field's error recorded in {@code form}. */
    byte[] bytes(String field, FileUpload file, FormFields form) {
        return form.image(field, file, config.uploadMaxBytes());
    }

    /** Records in {@code form} why {@code bytes} (when there are any) do not decode. */
    void rejectUndecodable(String field, byte[] bytes, FormFields form) {
        decoded(field, bytes, form);
    }

    /**
     * {@code bytes} decoded, then a 400 for every invalid field of the form; meant to run inside the
     * inference slot, so a request waiting for one holds no decoded image.
     */
    DecodedImage decodedOrRefused(String field, byte[] bytes, FormFields form) {
        DecodedImage decoded = decoded(field, bytes, form);
        form.throwIfInvalid();
        return decoded;
    }

    /** {@code bytes} decoded, or null (with the reason recorded in {@code form} when there were bytes). */
    private DecodedImage decoded(String field, byte[] bytes, FormFields form) {
        if (bytes == null) {
            return null;
        }
        try {
            return decode(bytes).decoded();
        } catch (InvalidImageException e) {
            form.reject(field, e.getMessage());
            return null;
        }
    }

    /** Decodes bytes already read; thread-safe, so two uploads can be decoded side by side. */
    Upload decode(byte[] bytes) throws InvalidImageException {
        DecodedImage decoded = decoder.decode(bytes, config.uploadLimits());
        ImageDetail.require(decoded);
        return new Upload(bytes, decoded);
    }
}
