package dev.likeness.liveness.active;

/**
 * The 0–100 score of an active-liveness attempt (README, "Active liveness"):
 * <ul>
 *   <li>no face in at least half of the frames, or none in the best frame: no score;</li>
 *   <li>a flat picture or another face during the burst (an attack): score
 *       10 × min(1, residual / flat threshold), so at most 10;</li>
 *   <li>otherwise depth D = the homography residual placed between the flat and the deep threshold
 *       (0–1, 0 without enough motion to measure); moves done as asked: 60 + 40 D, else 15 + 20 D
 *       (above the attack level of 10, below the default decline threshold of 50);</li>
 *   <li>when passive liveness is available, the lower of that and the best frame's passive score:
 *       either test alone can fail the attempt.</li>
 * </ul>
 * The score is judged by {@code verdict.ActiveLivenessJudge}.
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

    /** @param passive the best frame's passive score, or null when passive liveness is unavailable */
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

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
