package dev.likeness.media;

/** The upload formats the service accepts: the ones Didit accepts for images. */
public enum ImageFormat {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    TIFF("image/tiff");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Name for messages shown to API clients. */
    public String displayName() {
        return this == WEBP ? "WebP" : name();
    }
}
