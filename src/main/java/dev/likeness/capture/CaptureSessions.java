package dev.likeness.capture;

import dev.likeness.common.ApiException;
import dev.likeness.session.DocumentCheck;
import dev.likeness.session.FaceMatchCheck;
import dev.likeness.session.LivenessCheck;
import dev.likeness.session.PinnedSession;
import dev.likeness.session.SessionStatusMachine;
import dev.likeness.session.VerificationSession;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.DocumentSettings;
import dev.likeness.workflow.FaceMatchSettings;
import dev.likeness.workflow.LivenessMethod;
import dev.likeness.workflow.LivenessSettings;
import dev.likeness.workflow.WorkflowCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds a session by its token and describes its capture progress. */
@ApplicationScoped
public class CaptureSessions {

    private final WorkflowCatalog workflows;

    public CaptureSessions(WorkflowCatalog workflows) {
        this.workflows = workflows;
    }

    public PinnedSession byToken(String token) {
        return byToken(token, false);
    }

    /** With {@code lock}, the session row stays locked until the transaction ends: one attempt at a time. */
    public PinnedSession byToken(String token, boolean lock) {
        if (token == null || !token.matches("[0-9A-Za-z]{8,64}")) {
            throw ApiException.notFound();
        }
        var query = VerificationSession.<VerificationSession>find("sessionToken = ?1 and deletedAt is null", token);
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        VerificationSession session = query.firstResultOptional().orElseThrow(ApiException::notFound);
        return new PinnedSession(session, workflows.version(session.applicationId, session.workflowId, session.workflowVersion));
    }

    /** Capture calls are only taken while the session is open and started. */
    public static void requireInProgress(VerificationSession session) {
        if (session.status != Status.IN_PROGRESS) {
            String detail = SessionStatusMachine.OPEN.contains(session.status)
                    ? "Start the session first." : "This session is no longer open (" + session.status + ").";
            throw new ApiException(409, detail, "session_not_open");
        }
    }

    public CaptureState state(PinnedSession open, CaptureState.LastAttempt lastAttempt) {
        VerificationSession session = open.session();
        List<CaptureState.Step> steps = new ArrayList<>();
        String next = null;
        if (open.isKyc()) {
            int allowed = open.document().map(DocumentSettings::documentMaxAttempts).orElse(1);
            Optional<DocumentCheck> doc = DocumentCheck.<DocumentCheck>find("sessionId", session.id).firstResultOptional();
            String state = stepState(doc.map(d -> d.status));
            steps.add(new CaptureState.Step("document", state, doc.map(d -> d.attempts).orElse(0), allowed));
            if (!"done".equals(state)) {
                next = "document";
            }
        }
        int selfieAllowed = Math.max(
                open.liveness().map(LivenessSettings::faceLivenessMaxAttempts).orElse(1),
                open.faceMatch().map(FaceMatchSettings::faceMatchMaxAttempts).orElse(1));
        Optional<LivenessCheck> liveness = LivenessCheck.<LivenessCheck>find("sessionId", session.id).firstResultOptional();
        Optional<FaceMatchCheck> match = FaceMatchCheck.<FaceMatchCheck>find("sessionId", session.id).firstResultOptional();
        Status selfieStatus = liveness.map(l -> l.status).or(() -> match.map(m -> m.status)).orElse(null);
        int used = Math.max(liveness.map(l -> l.attempts).orElse(0), match.map(m -> m.attempts).orElse(0));
        String selfieState = stepState(Optional.ofNullable(selfieStatus));
        LivenessMethod method = open.livenessMethod().orElse(null);
        // an active-liveness session captures its face through a head-move challenge, not a single selfie
        String faceStep = method == LivenessMethod.ACTIVE_3D ? "challenge" : "selfie";
        steps.add(new CaptureState.Step(faceStep, selfieState, used, selfieAllowed));
        if (next == null && !"done".equals(selfieState)) {
            next = faceStep;
        }
        if (session.status == Status.NOT_STARTED || session.status == Status.RESUBMITTED) {
            next = "start";
        } else if (session.status != Status.IN_PROGRESS) {
            next = "done";
        } else if (next == null) {
            next = "done";
        }
        return new CaptureState(session.id, session.status, open.workflow().workflow().workflowType, session.language,
                method, steps, next, lastAttempt, session.callback, session.callbackMethod);
    }

    private static String stepState(Optional<Status> itemStatus) {
        if (itemStatus.isEmpty()) {
            return "pending";
        }
        return itemStatus.get() == Status.NOT_FINISHED ? "retry" : "done";
    }
}
