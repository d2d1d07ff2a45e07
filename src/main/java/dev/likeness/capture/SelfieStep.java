package dev.likeness.capture;

import dev.likeness.common.ApiException;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.measurement.FaceMeasurer;
import dev.likeness.measurement.SelfieMeasurement;
import dev.likeness.media.MediaVault;
import dev.likeness.session.AttemptRecorder;
import dev.likeness.session.DocumentCheck;
import dev.likeness.session.PinnedSession;
import dev.likeness.session.VerificationSession;
import dev.likeness.verdict.LivenessJudge;
import dev.likeness.verdict.LivenessPolicy;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.LivenessMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * One selfie attempt, measured by {@link FaceMeasurer} for the session's liveness method: passive
 * liveness and face match against the session's reference, each when the workflow has it, recorded
 * with the retry rules of {@link AttemptRecorder}.
 */
@ApplicationScoped
public class SelfieStep {

    private final CaptureSessions sessions;
    private final AttemptRecorder recorder;
    private final FaceMeasurer measurer;
    private final MediaVault vault;

    public SelfieStep(CaptureSessions sessions, AttemptRecorder recorder, FaceMeasurer measurer, MediaVault vault) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.measurer = measurer;
        this.vault = vault;
    }

    /**
     * Checks that a selfie is expected now, before the image is even decoded.
     *
     * @return the session's liveness method, or empty for a workflow without liveness
     */
    public Optional<LivenessMethod> requireExpected(String token) {
        PinnedSession open = sessions.byToken(token);
        CaptureSessions.requireInProgress(open.session());
        if (open.isKyc() && DocumentCheck.<DocumentCheck>find("sessionId = ?1 and status <> ?2", open.session().id,
                Status.NOT_FINISHED).firstResultOptional().isEmpty()) {
            throw new ApiException(409, "Take the photo of the identity document first.", "document_required");
        }
        Optional<LivenessMethod> method = open.livenessMethod();
        method.ifPresent(measurer::requireModelsFor);
        if (method.isPresent() && method.get() != LivenessMethod.PASSIVE) {
            throw new ApiException(409, "This session's liveness step is an active challenge, not a single selfie.",
                    "active_liveness_required");
        }
        return method;
    }

    @Transactional
    public CaptureState record(String token, byte[] bytes, SelfieMeasurement m) {
        PinnedSession open = sessions.byToken(token, true);
        VerificationSession session = open.session();
        CaptureSessions.requireInProgress(session);
        FaceAnalysis analysis = m.analysis();

        vault.deleteCapturesOfKind(session.id, "selfie");
        UUID selfieMedia = vault.store(session.applicationId, session.id, "selfie", m.image().format().mediaType(), bytes);
        AttemptRecorder.LivenessReading reading = new AttemptRecorder.LivenessReading(m.passiveScore(),
                analysis.quality() == null ? null : analysis.quality().quality(),
                analysis.quality() == null ? null : analysis.quality().luminance(),
                analysis.subject().map(f -> f.age()).orElse(null),
                (s, nodeId) -> LivenessJudge.judge(m.passiveScore(), analysis.quality(), analysis.faces().size(),
                        LivenessPolicy.of(s), nodeId));
        AttemptRecorder.Result result = recorder.record(open, new AttemptRecorder.Attempt(selfieMedia, null, analysis.embedding(), reading));
        return sessions.state(open, CaptureState.LastAttempt.of("selfie", result));
    }
}
