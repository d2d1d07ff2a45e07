package dev.likeness.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Uploads and stored images, {@code likeness.media.*}: upload limits, storage, encryption at rest and
 * signed links. Defaults follow Didit's published limits; the pixel
 * limits are this service's own guard against decompression bombs.
 */
@ConfigMapping(prefix = "likeness.media")
public interface MediaConfig {

    /** {@code likeness.media.upload-max-bytes}: largest multipart image file. Default 5 MB (5,242,880 bytes), Didit's limit. */
    @WithDefault("5242880")
    long uploadMaxBytes();

    /**
     * {@code likeness.media.portrait-max-base64-chars}: largest {@code portrait_image}, counted in
     * Base64 characters without a data-URL prefix or whitespace. Default 2 MB of Base64
     * (2,097,152 characters, about 1.5 MB of image), Didit's limit.
     */
    @WithDefault("2097152")
    int portraitMaxBase64Chars();

    /** {@code likeness.media.max-pixels}: largest width × height. Default 50,000,000 (a 50-megapixel camera). */
    @WithDefault("50000000")
    long maxPixels();

    /** {@code likeness.media.max-side}: largest width or height in pixels. Default 12,000. */
    @WithDefault("12000")
    int maxSide();

    /**
     * {@code likeness.media.analysis-max-pixels}: a larger image is decoded subsampled by the
     * smallest whole factor that brings it under this many pixels (the stored original is
     * untouched). Faces are found and described on the smaller picture; bounding boxes are reported
     * in the original's pixels. Default 16,000,000, so phone photos are decoded whole and a 49 MP
     * photo costs a quarter of its full-size raster.
     */
    @WithDefault("16000000")
    long analysisMaxPixels();

    /** Limits for a multipart image file. */
    default DecodeLimits uploadLimits() {
        return new DecodeLimits(uploadMaxBytes(), maxPixels(), maxSide());
    }

    /** Limits for the bytes decoded from {@code portrait_image}. */
    default DecodeLimits portraitLimits() {
        return new DecodeLimits(Base64ImagePayload.maxDecodedBytes(portraitMaxBase64Chars()), maxPixels(), maxSide());
    }

    /** {@code database} keeps encrypted bytes in PostgreSQL; {@code directory} in files under {@link #directory()}. */
    @WithDefault("database")
    String storage();

    /** Directory for {@code storage=directory}; must be shared by all replicas (a volume). */
    Optional<String> directory();

    /** AES-256 key (32 bytes, Base64) that encrypts new images. Required outside dev and test. */
    String encryptionKey();

    /** Name stored with each image so the key can be rotated later. */
    @WithDefault("k1")
    String encryptionKeyId();

    /** Retired keys by id, still used to decrypt older images after a rotation. */
    Map<String, String> previousKeys();

    /** HMAC key (Base64, 32+ bytes) for signed media links. Required outside dev and test. */
    String signingKey();

    /** How long a signed media link stays valid. */
    @WithDefault("4h")
    Duration linkLifetime();
}
