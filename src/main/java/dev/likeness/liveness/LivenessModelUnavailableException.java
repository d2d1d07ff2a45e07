package dev.likeness.liveness;

/**
 * The configured passive liveness model did not load at start-up, so no selfie can be scored; the
 * reason is in the start-up log and in readiness, not in this exception, since callers see it.
 */
public class LivenessModelUnavailableException extends RuntimeException {

    public LivenessModelUnavailableException() {
        super("the passive liveness model is not available", null, false, false);
    }
}
