package dev.likeness.media;

import java.util.Locale;

/**
 * What one decode may cost: checked on the byte count before anything is parsed, and on the
 * dimensions in the header before any pixel is allocated.
 *
 * @param maxBytes largest accepted encoded size
 * @param maxPixels largest accepted width × height
 * @param maxSide largest accepted width or height
 */
public record DecodeLimits(long maxBytes, long maxPixels, int maxSide) {

    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    public static final int DEFAULT_MAX_SIDE = 12_000;

    /** Didit's 5 MB per uploaded image, 50 megapixels, 12,000 px per side. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE);

    public DecodeLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxSide <= 0) {
            throw new IllegalArgumentException("decode limits must be positive");
        }
    }

    public DecodeLimits withMaxBytes(long bytes) {
        return new DecodeLimits(bytes, maxPixels, maxSide);
    }

    void checkSize(long length) throws InvalidImageException {
        if (length > maxBytes) {
            throw new InvalidImageException(InvalidImageException.Reason.TOO_LARGE,
                    "The image is " + megabytes(length) + "; the limit is " + megabytes(maxBytes) + ".");
        }
    }

    void checkDimensions(ImageFormat format, int width, int height) throws InvalidImageException {
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0) {
            throw new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                    "The " + format.displayName() + " image declares no pixels (" + width + " × " + height + ").");
        }
        if (pixels > maxPixels || width > maxSide || height > maxSide) {
            throw new InvalidImageException(InvalidImageException.Reason.TOO_MANY_PIXELS,
                    String.format(Locale.ROOT,
                            "The image is %d × %d pixels (%.1f megapixels); the limit is %.1f megapixels and %d pixels per side.",
                            width, height, pixels / 1e6, maxPixels / 1e6, maxSide));
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
