package dev.likeness.evaluation;

import java.util.Arrays;

/**
 * How well a score separates positives (genuine pairs, live faces) from negatives (impostor
 * pairs, attacks); higher scores mean "more positive".
 */
public record ScoreSeparation(double[] positives, double[] negatives) {

    /** Probability a random positive outscores a random negative (ties count half). */
    public double auc() {
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) positives.length * negatives.length);
    }

    /**
     * Share of positives accepted at the strictest threshold that accepts at most {@code far} of
     * the negatives (accept = score strictly above the threshold).
     */
    public double acceptRateAtFalseAcceptRate(double far) {
        double[] sorted = negatives.clone();
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(far * sorted.length);
        double threshold = sorted[sorted.length - 1 - allowed];
        return Arrays.stream(positives).filter(p -> p > threshold).count() / (double) positives.length;
    }

    /** Share of negatives with score >= threshold (accepted attacks: APCER). */
    public double negativesAccepted(double threshold) {
        return Arrays.stream(negatives).filter(n -> n >= threshold).count() / (double) negatives.length;
    }

    /** Share of positives with score < threshold (rejected live faces: BPCER). */
    public double positivesRejected(double threshold) {
        return Arrays.stream(positives).filter(p -> p < threshold).count() / (double) positives.length;
    }
}
