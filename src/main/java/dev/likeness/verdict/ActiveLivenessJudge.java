package dev.likeness.verdict;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an active-liveness attempt into warnings. A missing face or an attack decides alone; otherwise
 * the workflow's thresholds apply to the score as for a passive selfie, and moves not done as asked
 * always decline with {@code LOW_LIVENESS_SCORE}, whatever the thresholds.
 */
public final class ActiveLivenessJudge {

    private ActiveLivenessJudge() {
    }

    /** @param score the attempt's 0–100 score, or null without a face */
    public static List<Warning> judge(ActiveEvidence evidence, Double score, LivenessPolicy policy, String nodeId) {
        if (!evidence.faceFound()) {
            return List.of(Warning.of(Risk.NO_FACE_DETECTED, LogType.ERROR, nodeId));
        }
        if (evidence.attack()) {
            return List.of(Warning.of(Risk.LIVENESS_FACE_ATTACK, LogType.ERROR, nodeId));
        }
        // quality, luminance and extra faces are passive-only checks
        List<Warning> warnings = new ArrayList<>(LivenessJudge.judge(score, null, 1, policy, nodeId));
        if (!evidence.movesDone() && warnings.stream().noneMatch(w -> w.logType() == LogType.ERROR)) {
            warnings.add(Warning.of(Risk.LOW_LIVENESS_SCORE, LogType.ERROR, nodeId));
        }
        return warnings;
    }
}
