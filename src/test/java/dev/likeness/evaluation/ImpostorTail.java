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
}
