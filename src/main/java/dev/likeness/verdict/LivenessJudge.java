package dev.likeness.verdict;

import dev.likeness.face.FaceQuality;
import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a liveness measurement into warnings: comparisons are inclusive on the bad
 * side, a missing face suppresses the score warnings, a confident spoof is an attack.
 */
public final class LivenessJudge {

    private LivenessJudge() {
    }

    /**
     * @param score 0–100 liveness score, or null when no face was found
     * @param quality the subject's quality, or null when no face was found
     * @param faces how many faces the image held
     * @param nodeId the workflow node, or null for standalone answers
     */
    public static List<Warning> judge(Double score, FaceQuality quality, int faces, LivenessPolicy policy, String nodeId) {
        List<Warning> warnings = new ArrayList<>();
        if (faces == 0 || score == null) {
            warnings.add(Warning.of(Risk.NO_FACE_DETECTED, LogType.ERROR, nodeId));
            return warnings;
        }
        if (score <= policy.attackThreshold()) {
            warnings.add(Warning.of(Risk.LIVENESS_FACE_ATTACK, LogType.ERROR, nodeId));
        } else if (score <= policy.declineThreshold()) {
            warnings.add(Warning.of(Risk.LOW_LIVENESS_SCORE, LogType.ERROR, nodeId));
        } else if (score <= policy.reviewThreshold()) {
            warnings.add(Warning.of(Risk.LOW_LIVENESS_SCORE, LogType.WARNING, nodeId));
        }
        if (quality != null) {
            if (policy.qualityDeclineThreshold() != null && quality.quality() <= policy.qualityDeclineThreshold()) {
                warnings.add(Warning.of(Risk.LOW_FACE_QUALITY, LogType.ERROR, nodeId));
            } else if (policy.qualityReviewThreshold() != null && quality.quality() <= policy.qualityReviewThreshold()) {
                warnings.add(Warning.of(Risk.LOW_FACE_QUALITY, LogType.WARNING, nodeId));
            }
            if (policy.luminanceMinThreshold() != null && quality.luminance() < policy.luminanceMinThreshold()) {
                warnings.add(Warning.of(Risk.LOW_FACE_LUMINANCE, LogType.ofAction(policy.luminanceMinAction()), nodeId));
            }
            if (policy.luminanceMaxThreshold() != null && quality.luminance() > policy.luminanceMaxThreshold()) {
                warnings.add(Warning.of(Risk.HIGH_FACE_LUMINANCE, LogType.ofAction(policy.luminanceMaxAction()), nodeId));
            }
        }
        if (faces > 1) {
            warnings.add(Warning.of(Risk.MULTIPLE_FACES_DETECTED, LogType.ofAction(policy.multipleFacesAction()), nodeId));
        }
        return warnings;
    }
}
