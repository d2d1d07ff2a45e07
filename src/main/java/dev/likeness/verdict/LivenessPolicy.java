package dev.likeness.verdict;

import dev.likeness.workflow.LivenessSettings;

/**
 * The thresholds and actions a liveness result is judged by. A score at or below
 * {@code attackThreshold} is treated as a presentation attack rather than a merely low score.
 * Null thresholds switch their check off.
 */
public record LivenessPolicy(double reviewThreshold, double declineThreshold, double attackThreshold,
                             Double qualityReviewThreshold, Double qualityDeclineThreshold,
                             Double luminanceMinThreshold, String luminanceMinAction,
                             Double luminanceMaxThreshold, String luminanceMaxAction,
                             String multipleFacesAction) {

    /** Scores at or below this are confident spoofs (MiniFASNet gives printed photos and screens ≈ 3–4). */
    public static final double ATTACK_THRESHOLD = 10;

    /** The standalone APIs: one decline threshold; quality, light and extra faces only inform. */
    public static LivenessPolicy standalone(double declineThreshold) {
        return new LivenessPolicy(declineThreshold, declineThreshold, Math.min(ATTACK_THRESHOLD, declineThreshold),
                30.0, null, 15.0, "REVIEW", 95.0, "REVIEW", "REVIEW");
    }

    public static LivenessPolicy of(LivenessSettings s) {
        return new LivenessPolicy(s.faceLivenessScoreReviewThreshold(), s.faceLivenessScoreDeclineThreshold(),
                Math.min(ATTACK_THRESHOLD, s.faceLivenessScoreDeclineThreshold()),
                s.faceQualityReviewThreshold(), s.faceQualityDeclineThreshold(),
                s.faceLuminanceMinThreshold(), s.faceLuminanceMinAction(),
                s.faceLuminanceMaxThreshold(), s.faceLuminanceMaxAction(),
                s.faceLivenessMultipleFacesAction());
    }
}
