package dev.likeness.media;

/**
 * An uploaded image was refused. The message is written for the API client (it becomes the text of
 * a 400 keyed by the request field) and never contains image content.
 */
public class InvalidImageException extends Exception {

    /** Why the image was refused, stable enough for an error code. */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        INVALID_BASE64,
        UNSUPPORTED_FORMAT,
        TOO_MANY_PIXELS,
        TRUNCATED,
        CORRUPT,
        /** Decoded fine but holds nothing to analyse (one uniform colour). */
        BLANK
    }

    private final Reason reason;

    public InvalidImageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidImageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
