package dev.likeness.liveness.active;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;
import dev.likeness.verdict.LivenessJudge;
import dev.likeness.verdict.LivenessPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * The 0–100 score and warnings of an active-liveness attempt (README, "Active liveness"):
 * <ul>
 *   <li>no face in at least half of the frames, or none in the best frame: no score, {@code NO_FACE_DETECTED};</li>
 *   <li>a flat picture or another face during the burst: {@code LIVENESS_FACE_ATTACK}, score
 *       10 × min(1, residual / flat threshold), so at most 10;</li>
 *   <li>otherwise depth D = the homography residual placed between the flat and the deep threshold
 *       (0–1, 0 without enough motion to measure); moves done as asked: 60 + 40 D, else 15 + 20 D
 *       (above the attack level of 10, below the default decline threshold of 50);</li>
 *   <li>with MiniFASNet installed, the lower of that and the best frame's passive score: either test
 *       alone can fail the attempt.</li>
 * </ul>
 * The workflow's thresholds then apply as for a passive selfie; moves not done as asked always
 * decline with {@code LOW_LIVENESS_SCORE}, whatever the thresholds.
 */
public final class ActiveScore {

    private ActiveScore() {
    }

    public static boolean faceFound(ActiveFindings f) {
        return f.bestFrame() >= 0 && f.best() != null && f.best().subject().isPresent()
                && 2 * f.framesWithFace() >= f.frames().size();
    }

    public static boolean attack(ActiveFindings f) {
        return f.flat() || f.inconsistent();
    }

    /** @param passive the best frame's passive score, or null when the weights are not installed */
    public static Double of(ActiveFindings f, Double passive) {
        if (!faceFound(f)) {
            return null;
        }
        if (attack(f)) {
            double residual = f.planarResidual() == null ? 0 : f.planarResidual();
            return round(10 * Math.min(1, residual / ActiveThresholds.FLAT_RESIDUAL));
        }
        double depth = f.planarResidual() == null ? 0 : Math.max(0, Math.min(1,
                (f.planarResidual() - ActiveThresholds.FLAT_RESIDUAL) / (ActiveThresholds.DEEP_RESIDUAL - ActiveThresholds.FLAT_RESIDUAL)));
        double active = f.completed() ? 60 + 40 * depth : 15 + 20 * depth;
        return round(passive == null ? active : Math.min(active, passive));
    }

    public static List<Warning> judge(ActiveFindings f, Double score, LivenessPolicy policy, String nodeId) {
        if (!faceFound(f)) {
            return List.of(Warning.of(Risk.NO_FACE_DETECTED, LogType.ERROR, nodeId));
        }
        if (attack(f)) {
            return List.of(Warning.of(Risk.LIVENESS_FACE_ATTACK, LogType.ERROR, nodeId));
        }
        // quality, luminance and extra faces are passive-only checks
        List<Warning> warnings = new ArrayList<>(LivenessJudge.judge(score, null, 1, policy, nodeId));
        if (!f.completed() && warnings.stream().noneMatch(w -> w.logType() == LogType.ERROR)) {
            warnings.add(Warning.of(Risk.LOW_LIVENESS_SCORE, LogType.ERROR, nodeId));
        }
        return warnings;
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
