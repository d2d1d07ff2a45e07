package dev.likeness.face;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The monotone map from raw embedding similarity to the public 0–100 score, fitted on the
 * evaluation set for one model version (see {@code FaceCalibrationFit} in the tests). A new model
 * version ships with its own map, so clients' thresholds keep their meaning.
 *
 * @param modelVersion the embedding pipeline the map belongs to
 * @param dlibWeight share of the dlib descriptor's cosine in the fused similarity; the rest is
 *     FaceRes's (1 means dlib alone, and FaceRes is not run for matching)
 * @param points (similarity, score) knots, strictly increasing in both; linear in between,
 *     clamped to 0 and 100 outside
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record ScoreCalibration(@JsonProperty("model_version") String modelVersion,
                               @JsonProperty("dlib_weight") double dlibWeight,
                               @JsonProperty("points") List<double[]> points) {

    public ScoreCalibration {
        if (points == null || points.size() < 2) {
            throw new IllegalArgumentException("a calibration needs at least two points");
        }
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i)[0] <= points.get(i - 1)[0] || points.get(i)[1] < points.get(i - 1)[1]) {
                throw new IllegalArgumentException("calibration points must increase: " + i);
            }
        }
    }

    public static ScoreCalibration load(String resource, ObjectMapper mapper) {
        try (InputStream in = ScoreCalibration.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing calibration resource " + resource);
            }
            return mapper.readValue(in, ScoreCalibration.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable calibration " + resource, e);
        }
    }

    /**
     * The least similarity whose score reaches {@code score} (before rounding): a search floor.
     * Below the first knot every similarity qualifies.
     */
    public double similarityAt(double score) {
        double[] first = points.get(0);
        if (score <= first[1]) {
            return Double.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < points.size(); i++) {
            double[] hi = points.get(i);
            if (score <= hi[1]) {
                double[] lo = points.get(i - 1);
                return lo[0] + (score - lo[1]) / (hi[1] - lo[1]) * (hi[0] - lo[0]);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The 0–100 score, rounded to 2 decimals as every score on the wire is. */
    public double score(double similarity) {
        double[] first = points.get(0);
        double[] last = points.get(points.size() - 1);
        double value;
        if (similarity <= first[0]) {
            value = first[1];
        } else if (similarity >= last[0]) {
            value = last[1];
        } else {
            value = last[1];
            for (int i = 1; i < points.size(); i++) {
                double[] hi = points.get(i);
                if (similarity <= hi[0]) {
                    double[] lo = points.get(i - 1);
                    value = lo[1] + (similarity - lo[0]) / (hi[0] - lo[0]) * (hi[1] - lo[1]);
                    break;
                }
            }
        }
        return Math.round(Math.max(0, Math.min(100, value)) * 100.0) / 100.0;
    }
}
