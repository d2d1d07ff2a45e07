package dev.likeness.users;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;
import dev.likeness.session.FaceMatchCheck;
import dev.likeness.session.LivenessCheck;
import dev.likeness.session.SessionItem;
import dev.likeness.session.VerificationSession;
import dev.likeness.verdict.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * What a user's standing does to a session that is being settled: a BLOCKED
 * user, or one whose vendor_data is on the user blocklist however it got there, is declined with
 * {@link Risk#USER_BLOCKED}; a FLAGGED user ends at most In Review with {@link Risk#USER_FLAGGED}.
 * The warning goes on the session's liveness item (its face-match item without one), whose status
 * follows it, so the decision shows why. Applied once, when every step has its final result, so
 * the capture flow and its retries are untouched.
 */
@ApplicationScoped
public class UserStanding {

    private final UserBlocklist blocklist;

    public UserStanding(UserBlocklist blocklist) {
        this.blocklist = blocklist;
    }

    /** The session's outcome after the user's standing; call in the transaction that settles the session. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Status settle(VerificationSession session, Status outcome) {
        if (session.vendorData == null || session.vendorData.isBlank()) {
            return outcome;
        }
        Optional<AppUser> user = AppUser.findVisible(session.applicationId, session.vendorData, false);
        boolean blocked = user.map(u -> AppUser.BLOCKED.equals(u.status)).orElse(false)
                || blocklist.contains(session.applicationId, session.vendorData);
        if (blocked) {
            mark(session, Risk.USER_BLOCKED, LogType.ERROR);
            return Status.DECLINED;
        }
        if (user.map(u -> AppUser.FLAGGED.equals(u.status)).orElse(false)) {
            mark(session, Risk.USER_FLAGGED, LogType.WARNING);
            return Status.merge(outcome, Status.IN_REVIEW);
        }
        return outcome;
    }

    private void mark(VerificationSession session, Risk risk, LogType logType) {
        Optional<SessionItem> item = LivenessCheck.<LivenessCheck>find("sessionId", session.id).firstResultOptional()
                .<SessionItem>map(c -> c)
                .or(() -> FaceMatchCheck.<FaceMatchCheck>find("sessionId", session.id).firstResultOptional());
        item.ifPresent(c -> c.raise(Warning.of(risk, logType, c.nodeId)));
    }
}
