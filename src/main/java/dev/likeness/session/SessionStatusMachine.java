package dev.likeness.session;

import dev.likeness.verdict.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * The only place a session's status changes. Every effective change is
 * announced with {@link SessionStatusChanged} inside the caller's transaction, which is what
 * webhooks hang on.
 */
@ApplicationScoped
public class SessionStatusMachine {

    private static final Map<Status, Set<Status>> ALLOWED = Map.of(
            Status.NOT_STARTED, Set.of(Status.IN_PROGRESS, Status.EXPIRED),
            Status.IN_PROGRESS, Set.of(Status.APPROVED, Status.DECLINED, Status.IN_REVIEW, Status.ABANDONED),
            Status.RESUBMITTED, Set.of(Status.IN_PROGRESS, Status.APPROVED, Status.DECLINED, Status.IN_REVIEW,
                    Status.ABANDONED),
            // Reviewer decisions (update-status and reviews).
            Status.IN_REVIEW, Set.of(Status.APPROVED, Status.DECLINED, Status.RESUBMITTED),
            Status.APPROVED, Set.of(Status.DECLINED, Status.RESUBMITTED, Status.KYC_EXPIRED),
            Status.DECLINED, Set.of(Status.APPROVED, Status.RESUBMITTED),
            Status.ABANDONED, Set.of(Status.APPROVED, Status.DECLINED, Status.RESUBMITTED),
            Status.KYC_EXPIRED, Set.of(Status.APPROVED, Status.DECLINED, Status.RESUBMITTED));

    /** Statuses a reviewer may change with update-status. */
    public static final Set<Status> REVIEWABLE = Set.of(Status.APPROVED, Status.DECLINED, Status.IN_REVIEW,
            Status.KYC_EXPIRED, Status.ABANDONED, Status.RESUBMITTED);

    /** Statuses in which the end user can still capture. */
    public static final Set<Status> OPEN = Set.of(Status.NOT_STARTED, Status.IN_PROGRESS, Status.RESUBMITTED);

    private final Event<SessionStatusChanged> changed;

    public SessionStatusMachine(Event<SessionStatusChanged> changed) {
        this.changed = changed;
    }

    public static boolean canMove(Status from, Status to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Moves the session; an illegal move is a programming error, callers check {@link #canMove} first. */
    public void move(VerificationSession session, Status to) {
        Status from = session.status;
        if (from == to) {
            return;
        }
        if (!canMove(from, to)) {
            throw new IllegalStateException("session " + session.id + " cannot go from " + from + " to " + to);
        }
        session.status = to;
        session.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        changed.fire(new SessionStatusChanged(session.applicationId, session.id, from, to));
    }
}
