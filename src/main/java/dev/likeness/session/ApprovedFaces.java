package dev.likeness.session;

import dev.likeness.storedface.StoredFaces;
import dev.likeness.verdict.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Faces from a session qualify for reuse exactly while the session is Approved: approving it (or a
 * reviewer approving it later) opens them, leaving Approved closes them again. Kept on the session
 * side so that the stored faces know nothing of session statuses.
 */
@ApplicationScoped
class ApprovedFaces {

    private final StoredFaces storedFaces;

    ApprovedFaces(StoredFaces storedFaces) {
        this.storedFaces = storedFaces;
    }

    /** Runs in the transaction that changed the status, like every observer of the change. */
    void onStatusChange(@Observes SessionStatusChanged change) {
        boolean approved = change.to() == Status.APPROVED;
        if (approved || change.from() == Status.APPROVED) {
            storedFaces.markApproved(change.sessionId(), approved);
        }
    }
}
