package dev.likeness.session;

import dev.likeness.users.UserStanding;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.FeatureNode;
import dev.likeness.workflow.FeatureSettingsParser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixes a session's status once every step of its workflow has its final result: the most severe
 * item status wins (Declined > In Review > Approved).
 */
@ApplicationScoped
public class SessionOutcome {

    private final SessionStatusMachine machine;
    private final UserStanding standing;

    public SessionOutcome(SessionStatusMachine machine, UserStanding standing) {
        this.machine = machine;
        this.standing = standing;
    }

    /** A kyc session whose document never showed a face cannot reach a face match: it is declined. */
    public void declineForMissingDocument(PinnedSession open) {
        machine.move(open.session(), Status.DECLINED);
    }

    /** Call inside the transaction that stored the last item update. */
    public void settleIfComplete(PinnedSession open) {
        VerificationSession session = open.session();
        List<Status> statuses = new ArrayList<>();
        for (FeatureNode node : open.workflow().features()) {
            Status status = switch (node.feature()) {
                case FeatureSettingsParser.LIVENESS -> LivenessCheck.<LivenessCheck>find("sessionId", session.id)
                        .firstResultOptional().map(c -> c.status).orElse(null);
                case FeatureSettingsParser.FACE_MATCH -> FaceMatchCheck.<FaceMatchCheck>find("sessionId", session.id)
                        .firstResultOptional().map(c -> c.status).orElse(null);
                default -> DocumentCheck.<DocumentCheck>find("sessionId", session.id)
                        .firstResultOptional().map(c -> c.status).orElse(null);
            };
            if (status == null || status == Status.NOT_FINISHED) {
                return;
            }
            statuses.add(status);
        }
        Status outcome = Status.APPROVED;
        for (Status status : statuses) {
            outcome = Status.merge(outcome, status);
        }
        machine.move(session, standing.settle(session, outcome));
    }
}
