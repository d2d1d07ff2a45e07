package dev.likeness.capture;

import dev.likeness.common.ApiException;
import dev.likeness.liveness.LivenessConfig;
import dev.likeness.liveness.active.ActiveFindings;
import dev.likeness.liveness.active.HeadMove;
import dev.likeness.measurement.BurstMeasurement;
import dev.likeness.media.MediaVault;
import dev.likeness.session.AttemptRecorder;
import dev.likeness.session.DocumentCheck;
import dev.likeness.session.FaceMatchCheck;
import dev.likeness.session.LivenessCheck;
import dev.likeness.session.PinnedSession;
import dev.likeness.session.VerificationSession;
import dev.likeness.verdict.ActiveLivenessJudge;
import dev.likeness.verdict.LivenessPolicy;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.LivenessMethod;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Active liveness ({@code face_liveness_method: ACTIVE_3D}): a random head-move challenge per
 * attempt, then the burst of frames the user sent while doing it, measured by
 * {@link dev.likeness.measurement.FaceMeasurer}, judged by {@link ActiveLivenessJudge} and recorded
 * like a selfie attempt by {@link AttemptRecorder}.
 */
@ApplicationScoped
@Startup
public class ChallengeStep {

    public static final int MOVES = 2;
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    public static final int MIN_FRAMES = 8;
    public static final int MAX_FRAMES = 40;
    public static final long MAX_FRAME_BYTES = 1024 * 1024;
    /** Under the 12 MB request limit, leaving room for the multipart framing and the other fields. */
    public static final long MAX_TOTAL_BYTES = 11L * 1024 * 1024;
    /** Two moves out and back take a person well over a second. */
    public static final long MIN_DURATION_MS = 1000;
    /** Media kind of the stored frame set. */
    static final String VIDEO_KIND = "liveness_video";
    /** Motion JPEG: the frames' own JPEG bytes back to back; players and ffmpeg read it as video/x-motion-jpeg. */
    static final String VIDEO_TYPE = "video/x-motion-jpeg";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaptureSessions sessions;
    private final AttemptRecorder recorder;
    private final MediaVault vault;
    /** Moves every challenge asks for when configured (tests only), else empty: random moves. */
    private final List<HeadMove> fixedMoves;

    public ChallengeStep(CaptureSessions sessions, AttemptRecorder recorder, MediaVault vault, LivenessConfig config) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.vault = vault;
        this.fixedMoves = fixedMoves(config.active().fixedSteps().orElse(List.of()));
    }

    /** Refuses a misspelt fixed sequence at once rather than on the first challenge. */
    static List<HeadMove> fixedMoves(List<String> wire) {
        List<HeadMove> moves = new ArrayList<>();
        for (String name : wire) {
            moves.add(HeadMove.ofWire(name.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "likeness.liveness.active.fixed-steps: unknown move '" + name + "'")));
        }
        return List.copyOf(moves);
    }

    public static ChallengeView.FrameLimits limits() {
        return new ChallengeView.FrameLimits(MIN_FRAMES, MAX_FRAMES, MAX_FRAME_BYTES, MAX_TOTAL_BYTES, MIN_DURATION_MS);
    }

    /** A new challenge for the next attempt; an unused earlier one stops being valid. */
    @Transactional
    public ChallengeView issue(String token) {
        PinnedSession open = sessions.byToken(token, true);
        requireActive(open);
        VerificationSession session = open.session();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ActiveChallenge.delete("sessionId = ?1 and usedAt is null", session.id);
        int used = Math.max(
                LivenessCheck.<LivenessCheck>find("sessionId", session.id).firstResultOptional().map(c -> c.attempts).orElse(0),
                FaceMatchCheck.<FaceMatchCheck>find("sessionId", session.id).firstResultOptional().map(c -> c.attempts).orElse(0));
        ActiveChallenge challenge = new ActiveChallenge();
        challenge.id = UUID.randomUUID();
        challenge.sessionId = session.id;
        challenge.applicationId = session.applicationId;
        challenge.attempt = used + 1;
        challenge.steps = String.join(",", (fixedMoves.isEmpty() ? randomMoves() : fixedMoves).stream().map(HeadMove::wire).toList());
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        challenge.nonce = HexFormat.of().formatHex(nonce);
        challenge.createdAt = now;
        challenge.expiresAt = now.plus(LIFETIME);
        challenge.persist();
        return new ChallengeView(challenge.id, challenge.moves().stream().map(HeadMove::wire).toList(), challenge.nonce,
                challenge.expiresAt, challenge.attempt, limits());
    }

    /** Checks the session and the challenge before any frame is decoded; returns the moves asked for. */
    @Transactional
    public List<HeadMove> requireUsable(String token, UUID challengeId, String nonce) {
        PinnedSession open = sessions.byToken(token);
        requireActive(open);
        return usable(open, challengeId, nonce).moves();
    }

    @Transactional
    public CaptureState record(String token, UUID challengeId, String nonce, List<byte[]> frames, BurstMeasurement m) {
        PinnedSession open = sessions.byToken(token, true);
        requireActive(open);
        ActiveChallenge challenge = usable(open, challengeId, nonce);
        VerificationSession session = open.session();
        challenge.usedAt = OffsetDateTime.now(ZoneOffset.UTC);

        ActiveFindings f = m.findings();
        vault.deleteCapturesOfKind(session.id, "selfie");
        vault.deleteCapturesOfKind(session.id, VIDEO_KIND);
        UUID image = f.bestFrame() < 0 ? null
                : vault.store(session.applicationId, session.id, "selfie", "image/jpeg", frames.get(f.bestFrame()));
        UUID video = vault.store(session.applicationId, session.id, VIDEO_KIND, VIDEO_TYPE, motionJpeg(frames));
        AttemptRecorder.LivenessReading reading = new AttemptRecorder.LivenessReading(m.score(), null, null, null,
                (s, nodeId) -> ActiveLivenessJudge.judge(m.evidence(), m.score(), LivenessPolicy.of(s), nodeId));
        float[] embedding = f.best() == null ? null : f.best().embedding();
        AttemptRecorder.Result result = recorder.record(open, new AttemptRecorder.Attempt(image, video, embedding, reading));
        return sessions.state(open, CaptureState.LastAttempt.of("challenge", result));
    }

    private void requireActive(PinnedSession open) {
        CaptureSessions.requireInProgress(open.session());
        if (open.isKyc() && DocumentCheck.<DocumentCheck>find("sessionId = ?1 and status <> ?2", open.session().id,
                Status.NOT_FINISHED).firstResultOptional().isEmpty()) {
            throw new ApiException(409, "Take the photo of the identity document first.", "document_required");
        }
        if (open.livenessMethod().filter(m -> m == LivenessMethod.ACTIVE_3D).isEmpty()) {
            throw new ApiException(409, "This session's liveness step is a single selfie, not an active challenge.",
                    "passive_liveness_required");
        }
    }

    private static ActiveChallenge usable(PinnedSession open, UUID challengeId, String nonce) {
        ActiveChallenge challenge = ActiveChallenge.<ActiveChallenge>find("id = ?1 and sessionId = ?2", challengeId,
                open.session().id).firstResultOptional().orElseThrow(() ->
                new ApiException(404, "No such challenge for this session; request a new one.", "challenge_not_found"));
        if (challenge.usedAt != null) {
            throw new ApiException(409, "This challenge was already answered; request a new one.", "challenge_used");
        }
        if (challenge.expiresAt.isBefore(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw new ApiException(409, "This challenge has expired; request a new one.", "challenge_expired");
        }
        if (nonce == null || !MessageDigest.isEqual(challenge.nonce.getBytes(StandardCharsets.US_ASCII),
                nonce.getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(409, "The nonce does not belong to this challenge.", "challenge_nonce_mismatch");
        }
        return challenge;
    }

    /** Moves in random order, never the same one twice in a row. */
    static List<HeadMove> randomMoves() {
        HeadMove[] all = HeadMove.values();
        List<HeadMove> moves = new ArrayList<>();
        while (moves.size() < MOVES) {
            HeadMove next = all[RANDOM.nextInt(all.length)];
            if (moves.isEmpty() || moves.get(moves.size() - 1) != next) {
                moves.add(next);
            }
        }
        return moves;
    }

    private static byte[] motionJpeg(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frames.stream().mapToInt(b -> b.length).sum());
        frames.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
