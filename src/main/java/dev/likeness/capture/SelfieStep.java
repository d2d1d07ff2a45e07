package dev.likeness.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.common.ApiException;
import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.FaceEngine;
import dev.likeness.face.FaceMatcher;
import dev.likeness.face.InferenceSlots;
import dev.likeness.liveness.PassiveLivenessScorer;
import dev.likeness.media.DecodedImage;
import dev.likeness.media.MediaVault;
import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;
import dev.likeness.session.DocumentCheck;
import dev.likeness.session.FaceMatchCheck;
import dev.likeness.session.LivenessCheck;
import dev.likeness.session.VerificationSession;
import dev.likeness.storedface.StoredFace;
import dev.likeness.storedface.StoredFaces;
import dev.likeness.verdict.FaceMatchJudge;
import dev.likeness.verdict.LivenessJudge;
import dev.likeness.verdict.LivenessPolicy;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.FaceMatchSettings;
import dev.likeness.workflow.FeatureNode;
import dev.likeness.workflow.FeatureSettingsParser;
import dev.likeness.workflow.LivenessSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One selfie attempt: passive liveness and, when the workflow has it, face match against the
 * session's reference. A failing attempt (a declining warning) may be retried while every failing
 * step has attempts left; meanwhile the items read Not Finished and only the last attempt counts.
 */
@ApplicationScoped
public class SelfieStep {

    /** What the models saw, computed before any row is locked. */
    record Measurement(FaceAnalysis analysis, Double livenessScore) {
    }

    private final CaptureSessions sessions;
    private final SessionOutcome outcome;
    private final FeatureSettingsParser settings;
    private final FaceEngine engine;
    private final FaceMatcher matcher;
    private final PassiveLivenessScorer scorer;
    private final InferenceSlots slots;
    private final StoredFaces storedFaces;
    private final MediaVault vault;
    private final ObjectMapper mapper;

    public SelfieStep(CaptureSessions sessions, SessionOutcome outcome, FeatureSettingsParser settings,
                      FaceEngine engine, FaceMatcher matcher, PassiveLivenessScorer scorer, InferenceSlots slots,
                      StoredFaces storedFaces, MediaVault vault, ObjectMapper mapper) {
        this.sessions = sessions;
        this.outcome = outcome;
        this.settings = settings;
        this.engine = engine;
        this.matcher = matcher;
        this.scorer = scorer;
        this.slots = slots;
        this.storedFaces = storedFaces;
        this.vault = vault;
        this.mapper = mapper;
    }

    /** Checks that a selfie is expected now, before the image is even decoded. */
    public void requireExpected(String token) {
        CaptureSessions.Open open = sessions.byToken(token);
        CaptureSessions.requireInProgress(open.session());
        if (open.isKyc() && DocumentCheck.<DocumentCheck>find("sessionId = ?1 and status <> ?2", open.session().id,
                Status.NOT_FINISHED).firstResultOptional().isEmpty()) {
            throw new ApiException(409, "Take the photo of the identity document first.", "document_required");
        }
        boolean needsPassive = open.node(FeatureSettingsParser.LIVENESS)
                .map(n -> "PASSIVE".equals(settings.liveness(n).faceLivenessMethod())).orElse(false);
        if (needsPassive) {
            scorer.requireAvailable();
        }
        if (open.node(FeatureSettingsParser.LIVENESS).map(n -> !"PASSIVE".equals(settings.liveness(n).faceLivenessMethod()))
                .orElse(false)) {
            throw new ApiException(409, "This session's liveness step is an active challenge, not a single selfie.",
                    "active_liveness_required");
        }
    }

    public Measurement measure(DecodedImage image, boolean passive) {
        return slots.run(() -> {
            FaceAnalysis analysis = engine.analyze(image.image(), new AnalysisOptions(false, true, true));
            Double score = passive ? analysis.subject().map(s -> scorer.score(analysis.image(), s.face())).orElse(null) : null;
            return new Measurement(analysis, score);
        });
    }

    @Transactional
    public CaptureState record(String token, byte[] bytes, String contentType, Measurement m) {
        CaptureSessions.Open open = sessions.byToken(token, true);
        VerificationSession session = open.session();
        CaptureSessions.requireInProgress(session);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        FaceAnalysis analysis = m.analysis();

        vault.deleteCapturesOfKind(session.id, "selfie");
        UUID selfieMedia = vault.store(session.applicationId, session.id, "selfie", contentType, bytes);

        List<Pending> pending = new ArrayList<>();
        Optional<FeatureNode> livenessNode = open.node(FeatureSettingsParser.LIVENESS);
        if (livenessNode.isPresent()) {
            LivenessSettings s = settings.liveness(livenessNode.get());
            LivenessCheck check = LivenessCheck.<LivenessCheck>find("sessionId", session.id).firstResultOptional()
                    .orElseGet(() -> newLiveness(session, livenessNode.get().nodeId(), s.faceLivenessMethod(), now));
            check.attempts += 1;
            List<Warning> warnings = LivenessJudge.judge(m.livenessScore(), analysis.quality(), analysis.faces().size(),
                    LivenessPolicy.of(s), check.nodeId);
            check.score = decimal(m.livenessScore());
            check.faceQuality = analysis.quality() == null ? null : decimal(analysis.quality().quality());
            check.faceLuminance = analysis.quality() == null ? null : decimal(analysis.quality().luminance());
            check.ageEstimation = analysis.subject().map(f -> f.age()).map(SelfieStep::decimal).orElse(null);
            check.referenceMediaId = selfieMedia;
            check.updatedAt = now;
            pending.add(new Pending(warnings, check.attempts, s.faceLivenessMaxAttempts(), true,
                    (status, w) -> {
                        check.status = status;
                        check.warnings = json(w);
                    }));
        }
        Optional<FeatureNode> matchNode = open.node(FeatureSettingsParser.FACE_MATCH);
        if (matchNode.isPresent()) {
            FaceMatchSettings s = settings.faceMatch(matchNode.get());
            FaceMatchCheck check = FaceMatchCheck.<FaceMatchCheck>find("sessionId", session.id).firstResultOptional()
                    .orElseGet(() -> newFaceMatch(session, matchNode.get().nodeId(), now));
            check.attempts += 1;
            Optional<StoredFaces.Face> reference = open.isKyc()
                    ? storedFaces.documentOf(session.id) : storedFaces.referenceOf(session.id);
            Double score = reference.isPresent() && analysis.embedding() != null
                    ? matcher.score(analysis.embedding(), reference.get().embedding()) : null;
            List<Warning> warnings = FaceMatchJudge.judge(score, s.faceMatchScoreReviewThreshold(),
                    s.faceMatchScoreDeclineThreshold(), check.nodeId);
            check.score = decimal(score);
            check.targetMediaId = selfieMedia;
            check.sourceMediaId = reference.map(StoredFaces.Face::mediaId).orElse(session.referenceMediaId);
            check.sourceImageSessionId = open.isKyc() ? null : session.sourceImageSessionId;
            check.updatedAt = now;
            // Without a reference no new selfie can help; without a face in the selfie, another one can.
            pending.add(new Pending(warnings, check.attempts, s.faceMatchMaxAttempts(), reference.isPresent(),
                    (status, w) -> {
                        List<Warning> all = new ArrayList<>(w);
                        if (Status.DECLINED.equals(status) && reference.isPresent() && check.attempts >= s.faceMatchMaxAttempts()
                                && check.attempts > 1) {
                            all.add(Warning.of(Risk.FACE_MATCH_MAX_ATTEMPTS_EXCEEDED, LogType.INFORMATION, check.nodeId));
                        }
                        check.status = status;
                        check.warnings = json(all);
                    }));
        }

        boolean anyFailing = pending.stream().anyMatch(Pending::failing);
        boolean retry = anyFailing && pending.stream().filter(Pending::failing).allMatch(Pending::canRetry);
        for (Pending p : pending) {
            p.apply().accept(retry ? Status.NOT_FINISHED : Status.ofWarnings(p.warnings()), p.warnings());
        }
        if (!retry && analysis.embedding() != null) {
            storedFaces.save(session.applicationId, session.id, session.vendorData, StoredFace.LIVENESS, false,
                    analysis.embedding(), matcher.modelVersion(), selfieMedia);
        }
        LivenessCheck.flush();
        if (!retry) {
            outcome.settleIfComplete(open);
        }
        List<String> reasons = pending.stream().flatMap(p -> p.warnings().stream())
                .filter(w -> w.logType() != LogType.INFORMATION).map(Warning::risk).distinct().toList();
        int remaining = pending.stream().mapToInt(p -> Math.max(0, p.maxAttempts() - p.attempts())).min().orElse(0);
        String result = retry ? "retry" : anyFailing ? "final" : "accepted";
        return sessions.state(open, new CaptureState.LastAttempt("selfie", result, reasons, retry ? remaining : 0));
    }

    /** One step's result for this attempt, applied once the retry decision is made. */
    private record Pending(List<Warning> warnings, int attempts, int maxAttempts, boolean retryable,
                           java.util.function.BiConsumer<String, List<Warning>> apply) {
        boolean failing() {
            return Status.DECLINED.equals(Status.ofWarnings(warnings));
        }

        boolean canRetry() {
            return retryable && attempts < maxAttempts;
        }
    }

    private static LivenessCheck newLiveness(VerificationSession session, String nodeId, String method, OffsetDateTime now) {
        LivenessCheck check = new LivenessCheck();
        check.id = UUID.randomUUID();
        check.sessionId = session.id;
        check.applicationId = session.applicationId;
        check.nodeId = nodeId;
        check.method = method;
        check.status = Status.NOT_FINISHED;
        check.createdAt = now;
        check.updatedAt = now;
        check.persist();
        return check;
    }

    private static FaceMatchCheck newFaceMatch(VerificationSession session, String nodeId, OffsetDateTime now) {
        FaceMatchCheck check = new FaceMatchCheck();
        check.id = UUID.randomUUID();
        check.sessionId = session.id;
        check.applicationId = session.applicationId;
        check.nodeId = nodeId;
        check.status = Status.NOT_FINISHED;
        check.createdAt = now;
        check.updatedAt = now;
        check.persist();
        return check;
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(Math.round(value * 100.0) / 100.0);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
