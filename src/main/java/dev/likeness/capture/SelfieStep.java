package dev.likeness.capture;

import dev.likeness.common.ApiException;
import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.FaceEngine;
import dev.likeness.liveness.PassiveLivenessScorer;
import dev.likeness.media.DecodedImage;
import dev.likeness.media.MediaVault;
import dev.likeness.runtime.InferenceSlots;
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
import java.util.function.Supplier;

/**
 * One selfie attempt: passive liveness and, when the workflow has it, face match against the
 * session's reference, recorded with the retry rules of {@link AttemptRecorder}.
 */
@ApplicationScoped
public class SelfieStep {

    /** What the models saw, computed before any row is locked. */
    /** @param mediaType the selfie's own format, for storing it */
    record Measurement(FaceAnalysis analysis, Double livenessScore, String mediaType) {
    }

    private final CaptureSessions sessions;
    private final AttemptRecorder recorder;
    private final FaceEngine engine;
    private final PassiveLivenessScorer scorer;
    private final InferenceSlots slots;
    private final MediaVault vault;

    public SelfieStep(CaptureSessions sessions, AttemptRecorder recorder, FaceEngine engine, PassiveLivenessScorer scorer,
                      InferenceSlots slots, MediaVault vault) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.engine = engine;
        this.scorer = scorer;
        this.slots = slots;
        this.vault = vault;
    }

    /** Checks that a selfie is expected now, before the image is even decoded. */
    public void requireExpected(String token) {
        PinnedSession open = sessions.byToken(token);
        CaptureSessions.requireInProgress(open.session());
        if (open.isKyc() && DocumentCheck.<DocumentCheck>find("sessionId = ?1 and status <> ?2", open.session().id,
                Status.NOT_FINISHED).firstResultOptional().isEmpty()) {
            throw new ApiException(409, "Take the photo of the identity document first.", "document_required");
        }
        Optional<LivenessMethod> method = open.livenessMethod();
        if (method.isPresent() && method.get() == LivenessMethod.PASSIVE) {
            scorer.requireAvailable();
        }
        if (method.isPresent() && method.get() != LivenessMethod.PASSIVE) {
            throw new ApiException(409, "This session's liveness step is an active challenge, not a single selfie.",
                    "active_liveness_required");
        }
    }

    /**
     * @param read decodes the upload; it runs inside the inference slot, so a request waiting for a
     *     slot holds compressed bytes rather than a decoded picture
     */
    public Measurement measure(Supplier<DecodedImage> read, boolean passive) {
        return slots.run(() -> {
            DecodedImage image = read.get();
            FaceAnalysis analysis = engine.analyze(image.image(), new AnalysisOptions(false, true, true));
            Double score = passive ? analysis.subject().map(s -> scorer.score(analysis.image(), s.face())).orElse(null) : null;
            return new Measurement(analysis, score, image.format().mediaType());
        });
    }

    @Transactional
    public CaptureState record(String token, byte[] bytes, String contentType, Measurement m) {
        PinnedSession open = sessions.byToken(token, true);
        VerificationSession session = open.session();
        CaptureSessions.requireInProgress(session);
        FaceAnalysis analysis = m.analysis();

        vault.deleteCapturesOfKind(session.id, "selfie");
        UUID selfieMedia = vault.store(session.applicationId, session.id, "selfie", contentType, bytes);
        AttemptRecorder.LivenessReading reading = new AttemptRecorder.LivenessReading(m.livenessScore(),
                analysis.quality() == null ? null : analysis.quality().quality(),
                analysis.quality() == null ? null : analysis.quality().luminance(),
                analysis.subject().map(f -> f.age()).orElse(null),
                (s, nodeId) -> LivenessJudge.judge(m.livenessScore(), analysis.quality(), analysis.faces().size(),
                        LivenessPolicy.of(s), nodeId));
        AttemptRecorder.Result result = recorder.record(open, new AttemptRecorder.Attempt(selfieMedia, null, analysis.embedding(), reading));
        return sessions.state(open, CaptureState.LastAttempt.of("selfie", result));
    }
}
