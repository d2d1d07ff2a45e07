package dev.likeness.workflow;

import java.util.List;

/** FACE_MATCH node settings with Didit's defaults (review at 70, decline at 50, three attempts). */
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
