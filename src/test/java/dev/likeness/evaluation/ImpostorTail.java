package dev.likeness.evaluation;

import java.util.Arrays;

/**
 * A Gaussian fitted to the upper tail of impostor similarities, to read false-match rates smaller
 * than the evaluation set can count. The top {@code share} of the sorted similarities, at their
 * empirical exceedance rates (i + 0.5) / n, are regressed on the normal quantile of those rates
 * (a probit plot): slope = sd, intercept = mean.
 */
public record ImpostorTail(double mean, double sd, int fittedOn) {

    public static ImpostorTail fit(double[] impostors, double share) {
        double[] sorted = impostors.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int k = Math.max(20, (int) Math.round(n * share));
        double sz = 0, ss = 0, szz = 0, szs = 0;
        for (int i = 0; i < k; i++) {
            double s = sorted[n - 1 - i];
            double z = NormalQuantile.upper((i + 0.5) / n);
            sz += z;
            ss += s;
            szz += z * z;
            szs += z * s;
        }
        double slope = (k * szs - sz * ss) / (k * szz - sz * sz);
        double intercept = (ss - slope * sz) / k;
        return new ImpostorTail(intercept, slope, k);
    }

    /** The similarity above which the fitted impostors fall at rate {@code fmr}. */
    public double similarityAt(double fmr) {
        return mean + sd * NormalQuantile.upper(fmr);
    }

    /**
     * The same question answered by an exponential tail (a generalised Pareto with shape 0, the
     * usual peaks-over-threshold model) fitted by maximum likelihood to the same top similarities:
     * a second opinion on how far the extrapolated rows can be trusted. A Gaussian tail falls off
     * faster, so where the two disagree the exponential one is the cautious reading.
     */
    public static double exponentialSimilarityAt(double[] impostors, int fittedOn, double fmr) {
        double[] sorted = impostors.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double threshold = sorted[n - fittedOn - 1];
        double excess = 0;
        for (int i = n - fittedOn; i < n; i++) {
            excess += sorted[i] - threshold;
        }
        double scale = excess / fittedOn;
        return threshold + scale * Math.log((double) fittedOn / (n * fmr));
    }
}
