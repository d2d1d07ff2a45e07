package dev.likeness.workflow;

import java.util.List;

/**
 * LIVENESS node settings (reference §3.3) with this service's defaults (CONTRACT.md; the quality and
 * luminance defaults are ours and documented in the README).
 */
public record LivenessSettings(
        String faceLivenessMethod,
        Integer faceLivenessMaxAttempts,
        Double faceLivenessScoreReviewThreshold,
        Double faceLivenessScoreDeclineThreshold,
        Double faceQualityReviewThreshold,
        Double faceQualityDeclineThreshold,
        Double faceLuminanceMinThreshold,
        String faceLuminanceMinAction,
        Double faceLuminanceMaxThreshold,
        String faceLuminanceMaxAction,
        String faceLivenessMultipleFacesAction,
        List<StatusRule> statusRules) {

    public static final List<String> METHODS = List.of("PASSIVE", "ACTIVE_3D", "FLASHING");

    public static LivenessSettings defaults() {
        return new LivenessSettings("PASSIVE", 3, 70.0, 50.0, 30.0, 10.0, 15.0, "REVIEW", 95.0, "REVIEW",
                "NO_ACTION", List.of());
    }
}
