package dev.likeness.measurement;

import dev.likeness.liveness.active.ActiveFindings;
import dev.likeness.liveness.active.ActiveScore;
import dev.likeness.verdict.ActiveEvidence;

/**
 * What the models saw in an active-liveness burst.
 *
 * @param findings the tracked frames, the moves seen and the best frame's analysis
 * @param passiveScore the best frame's passive score, or null without a face or when passive
 *     liveness is unavailable
 * @param score the attempt's 0–100 score ({@link ActiveScore}), or null without a face
 */
public record BurstMeasurement(ActiveFindings findings, Double passiveScore, Double score) {

    /** What the burst's judgement turns on besides the score. */
    public ActiveEvidence evidence() {
        return new ActiveEvidence(ActiveScore.faceFound(findings), ActiveScore.attack(findings), findings.completed());
    }
}
