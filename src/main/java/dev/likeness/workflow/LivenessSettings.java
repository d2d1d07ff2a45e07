package dev.likeness.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * LIVENESS node settings with this service's defaults (Didit's where it publishes them; the
 * quality and luminance defaults are ours and documented in the README). Screening: the possible-duplicate
 * action (default NO_ACTION: the warning informs, the session keeps its status) governs both
 * duplicate warnings; the name and document mismatch actions are kept but never fire (no document
 * text is read); {@code race_map_similarity_thresholds} is kept and ignored (the application's bands apply).
 */
public record LivenessSettings(
        LivenessMethod faceLivenessMethod,
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
        String faceLivenessPossibleDuplicatedFaceAction,
        String faceLivenessDuplicatedFaceNameMismatchAction,
        String faceLivenessDuplicatedFaceDocumentMismatchAction,
        Boolean faceSearchEnabled,
        java.util.Map<String, Object> raceMapSimilarityThresholds,
        List<StatusRule> statusRules) {

    public LivenessSettings {
        raceMapSimilarityThresholds = raceMapSimilarityThresholds == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(raceMapSimilarityThresholds));
        statusRules = StatusRule.readOnly(statusRules);
    }

    public static final List<LivenessMethod> METHODS = List.of(LivenessMethod.values());

    /** Screening is on unless switched off; workflows saved before it existed have no value. */
    public boolean screensFaces() {
        return !Boolean.FALSE.equals(faceSearchEnabled);
    }

    public String duplicateAction() {
        return faceLivenessPossibleDuplicatedFaceAction == null ? "NO_ACTION" : faceLivenessPossibleDuplicatedFaceAction;
    }

    public static LivenessSettings defaults() {
        return new LivenessSettings(LivenessMethod.PASSIVE, 3, 70.0, 50.0, 30.0, 10.0, 15.0, "REVIEW", 95.0, "REVIEW",
                "NO_ACTION", "NO_ACTION", "NO_ACTION", "NO_ACTION", true, null, List.of());
    }
}
