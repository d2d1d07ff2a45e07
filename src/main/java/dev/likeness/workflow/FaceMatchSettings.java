package dev.likeness.workflow;

import java.util.List;

/** FACE_MATCH node settings (reference §3.2) with the defaults of CONTRACT.md. */
public record FaceMatchSettings(
        Double faceMatchScoreReviewThreshold,
        Double faceMatchScoreDeclineThreshold,
        Integer faceMatchMaxAttempts,
        String faceMatchNotComputedAction,
        List<StatusRule> statusRules) {

    public FaceMatchSettings {
        statusRules = StatusRule.readOnly(statusRules);
    }

    public static FaceMatchSettings defaults() {
        return new FaceMatchSettings(70.0, 50.0, 3, "DECLINE", List.of());
    }
}
