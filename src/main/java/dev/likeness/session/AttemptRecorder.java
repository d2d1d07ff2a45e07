package dev.likeness.session;

import dev.likeness.face.FaceMatcher;
import dev.likeness.faceindex.FaceScreening;
import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;
import dev.likeness.storedface.StoredFace;
import dev.likeness.storedface.StoredFaceRefresher;
import dev.likeness.storedface.StoredFaces;
import dev.likeness.verdict.FaceMatchJudge;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.FaceMatchSettings;
import dev.likeness.workflow.FeatureNode;
import dev.likeness.workflow.FeatureSettingsParser;
import dev.likeness.workflow.LivenessMethod;
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
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Records one face capture attempt (a passive selfie or an active-liveness burst) on the session's
 * liveness and face-match items. A failing attempt (a declining warning) may be retried while every
 * failing step has attempts left; meanwhile the items read Not Finished and only the last attempt
 * counts. When the attempt is final the session is settled if every step is done.
 */
@ApplicationScoped
public class AttemptRecorder {

    /**
     * What the attempt measured for the liveness item.
     *
     * @param judge the warnings for a node's settings and id
     */
    public record LivenessReading(Double score, Double quality, Double luminance, Double age,
                                  BiFunction<LivenessSettings, String, List<Warning>> judge) {
    }

    /**
     * @param imageMedia the stored face image (liveness reference image, face-match target)
     * @param videoMedia the stored frame set, or null
     * @param embedding the face's descriptor for face match, or null without a face
     */
    public record Attempt(UUID imageMedia, UUID videoMedia, float[] embedding, LivenessReading liveness) {
    }

    /**
     * What became of the attempt.
     *
     * @param outcome {@code accepted} (step done), {@code retry} (capture again), {@code final} (step
     *     done without passing; the session is being decided)
     * @param reasons the risk codes behind a retry or failure
     */
    public record Result(String outcome, List<String> reasons, int attemptsRemaining) {
    }

    private final SessionOutcome outcome;
    private final FaceMatcher matcher;
    private final StoredFaces storedFaces;
    private final StoredFaceRefresher refresher;
    private final FaceScreening screening;

    public AttemptRecorder(SessionOutcome outcome, FaceMatcher matcher, StoredFaces storedFaces,
                           StoredFaceRefresher refresher, FaceScreening screening) {
        this.screening = screening;
        this.outcome = outcome;
        this.matcher = matcher;
        this.storedFaces = storedFaces;
        this.refresher = refresher;
    }

    /** Call with the session row locked for the transaction: one attempt at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result record(PinnedSession open, Attempt attempt) {
        VerificationSession session = open.session();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LivenessReading reading = attempt.liveness();

        List<Pending> pending = new ArrayList<>();
        Optional<FeatureNode> livenessNode = open.node(FeatureSettingsParser.LIVENESS);
        if (livenessNode.isPresent()) {
            LivenessSettings s = open.liveness().orElseThrow();
            LivenessCheck check = LivenessCheck.<LivenessCheck>find("sessionId", session.id).firstResultOptional()
                    .orElseGet(() -> newLiveness(session, livenessNode.get().nodeId(), s.faceLivenessMethod(), now));
            check.attempts += 1;
            List<Warning> warnings = new ArrayList<>(reading.judge().apply(s, check.nodeId));
            FaceScreening.Screening screened = s.screensFaces() && attempt.embedding() != null
                    ? screening.inWorkflow(session.applicationId, session.vendorData, attempt.embedding(),
                    s.duplicateAction(), check.nodeId)
                    : FaceScreening.Screening.NONE;
            warnings.addAll(screened.warnings());
            check.matches = List.copyOf(screened.matches());
            check.score = decimal(reading.score());
            check.faceQuality = decimal(reading.quality());
            check.faceLuminance = decimal(reading.luminance());
            check.ageEstimation = decimal(reading.age());
            check.referenceMediaId = attempt.imageMedia();
            check.videoMediaId = attempt.videoMedia();
            check.updatedAt = now;
            pending.add(new Pending(warnings, check.attempts, s.faceLivenessMaxAttempts(), !screened.declines(),
                    (status, w) -> {
                        check.status = status;
                        check.warnings = List.copyOf(w);
                    }));
        }
        Optional<FeatureNode> matchNode = open.node(FeatureSettingsParser.FACE_MATCH);
        if (matchNode.isPresent()) {
            FaceMatchSettings s = open.faceMatch().orElseThrow();
            FaceMatchCheck check = FaceMatchCheck.<FaceMatchCheck>find("sessionId", session.id).firstResultOptional()
                    .orElseGet(() -> newFaceMatch(session, matchNode.get().nodeId(), now));
            check.attempts += 1;
            Optional<StoredFaces.Face> reference = (open.isKyc()
                    ? storedFaces.documentOf(session.id) : storedFaces.referenceOf(session.id)).flatMap(refresher::current);
            Double score = reference.isPresent() && attempt.embedding() != null
                    ? matcher.score(attempt.embedding(), reference.get().embedding()) : null;
            List<Warning> warnings = FaceMatchJudge.judge(score, reference.isPresent(), s.faceMatchScoreReviewThreshold(),
                    s.faceMatchScoreDeclineThreshold(), s.faceMatchNotComputedAction(), check.nodeId);
            check.score = decimal(score);
            check.targetMediaId = attempt.imageMedia();
            check.sourceMediaId = reference.map(StoredFaces.Face::mediaId).orElse(session.referenceMediaId);
            check.sourceImageSessionId = open.isKyc() ? null : session.sourceImageSessionId;
            check.updatedAt = now;
            // Without a reference no new capture can help; without a face in the capture, another one can.
            pending.add(new Pending(warnings, check.attempts, s.faceMatchMaxAttempts(), reference.isPresent(),
                    (status, w) -> {
                        List<Warning> all = new ArrayList<>(w);
                        if (status == Status.DECLINED && reference.isPresent() && check.attempts >= s.faceMatchMaxAttempts()
                                && check.attempts > 1) {
                            all.add(Warning.of(Risk.FACE_MATCH_MAX_ATTEMPTS_EXCEEDED, LogType.INFORMATION, check.nodeId));
                        }
                        check.status = status;
                        check.warnings = List.copyOf(all);
                    }));
        }

        boolean anyFailing = pending.stream().anyMatch(Pending::failing);
        boolean retry = anyFailing && pending.stream().filter(Pending::failing).allMatch(Pending::canRetry);
        for (Pending p : pending) {
            p.apply().accept(retry ? Status.NOT_FINISHED : Status.ofWarnings(p.warnings()), p.warnings());
        }
        if (!retry && attempt.embedding() != null) {
            storedFaces.save(session.applicationId, session.id, session.vendorData, StoredFace.LIVENESS, false,
                    attempt.embedding(), matcher.modelVersion(), attempt.imageMedia());
        }
        LivenessCheck.flush();
        if (!retry) {
            outcome.settleIfComplete(open);
        }
        List<String> reasons = pending.stream().flatMap(p -> p.warnings().stream())
                .filter(w -> w.logType() != LogType.INFORMATION).map(Warning::risk).distinct().toList();
        int remaining = pending.stream().mapToInt(p -> Math.max(0, p.maxAttempts() - p.attempts())).min().orElse(0);
        String result = retry ? "retry" : anyFailing ? "final" : "accepted";
        return new Result(result, reasons, retry ? remaining : 0);
    }

    /** One step's result for this attempt, applied once the retry decision is made. */
    private record Pending(List<Warning> warnings, int attempts, int maxAttempts, boolean retryable,
                           BiConsumer<Status, List<Warning>> apply) {
        boolean failing() {
            return Status.ofWarnings(warnings) == Status.DECLINED;
        }

        boolean canRetry() {
            return retryable && attempts < maxAttempts;
        }
    }

    private static LivenessCheck newLiveness(VerificationSession session, String nodeId, LivenessMethod method, OffsetDateTime now) {
        LivenessCheck check = new LivenessCheck();
        check.begin(session, nodeId, now);
        check.method = method;
        check.persist();
        return check;
    }

    private static FaceMatchCheck newFaceMatch(VerificationSession session, String nodeId, OffsetDateTime now) {
        FaceMatchCheck check = new FaceMatchCheck();
        check.begin(session, nodeId, now);
        check.persist();
        return check;
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(Math.round(value * 100.0) / 100.0);
    }
}
