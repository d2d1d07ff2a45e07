package dev.likeness.verdict;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;

import java.util.List;

/** Face-match warnings: no pair is an automatic decline; a low score is judged by the thresholds. */
public final class FaceMatchJudge {

    private FaceMatchJudge() {
    }

    /** @param score the 0–100 similarity, or null when either image had no face */
    public static List<Warning> judge(Double score, double reviewThreshold, double declineThreshold, String nodeId) {
        if (score == null) {
            return List.of(Warning.of(Risk.NO_REFERENCE_IMAGE, LogType.ERROR, nodeId));
        }
        return judgeScore(score, reviewThreshold, declineThreshold, nodeId);
    }

    /**
     * A session's face match. {@code NO_REFERENCE_IMAGE} only when the reference is missing; with a
     * reference but no face in the capture the score is not computed, and the workflow's
     * {@code face_match_not_computed_action} decides.
     *
     * @param score             the 0–100 similarity, or null when it could not be computed
     * @param notComputedAction {@code DECLINE} or {@code REVIEW}
     */
    public static List<Warning> judge(Double score, boolean referencePresent, double reviewThreshold,
                                      double declineThreshold, String notComputedAction, String nodeId) {
        if (!referencePresent) {
            return List.of(Warning.of(Risk.NO_REFERENCE_IMAGE, LogType.ERROR, nodeId));
        }
        if (score == null) {
            LogType severity = "REVIEW".equals(notComputedAction) ? LogType.WARNING : LogType.ERROR;
            return List.of(Warning.of(Risk.FACE_MATCH_NOT_COMPUTED, severity, nodeId));
        }
        return judgeScore(score, reviewThreshold, declineThreshold, nodeId);
    }

    private static List<Warning> judgeScore(double score, double reviewThreshold, double declineThreshold, String nodeId) {
        if (score <= declineThreshold) {
            return List.of(Warning.of(Risk.LOW_FACE_MATCH_SIMILARITY, LogType.ERROR, nodeId));
        }
        if (score <= reviewThreshold) {
            return List.of(Warning.of(Risk.LOW_FACE_MATCH_SIMILARITY, LogType.WARNING, nodeId));
        }
        return List.of();
    }
}
