package dev.likeness.verdict;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;

import java.util.List;

/** Face-match warnings (reference §5.2): no pair is an automatic decline; a low score is judged by the thresholds. */
public final class FaceMatchJudge {

    private FaceMatchJudge() {
    }

    /** @param score the 0–100 similarity, or null when either image had no face */
    public static List<Warning> judge(Double score, double reviewThreshold, double declineThreshold, String nodeId) {
        if (score == null) {
            return List.of(Warning.of(Risk.NO_REFERENCE_IMAGE, LogType.ERROR, nodeId));
        }
        if (score <= declineThreshold) {
            return List.of(Warning.of(Risk.LOW_FACE_MATCH_SIMILARITY, LogType.ERROR, nodeId));
        }
        if (score <= reviewThreshold) {
            return List.of(Warning.of(Risk.LOW_FACE_MATCH_SIMILARITY, LogType.WARNING, nodeId));
        }
        return List.of();
    }
}
