package dev.likeness.runtime;

/** Every inference slot stayed taken for the whole queue timeout: the caller should retry shortly. */
public class InferenceBusyException extends RuntimeException {

    public InferenceBusyException() {
        super("every inference slot is taken", null, false, false);
    }
}
