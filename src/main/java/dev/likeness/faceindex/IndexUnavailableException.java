package dev.likeness.faceindex;

/** The index's database could not be read; the caller answers 503 rather than search a stale gallery. */
public class IndexUnavailableException extends RuntimeException {

    IndexUnavailableException(Throwable cause) {
        super("the face index could not be read", cause);
    }
}
