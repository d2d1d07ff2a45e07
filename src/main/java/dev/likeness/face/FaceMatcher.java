package dev.likeness.face;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * 1:1 comparison: the descriptor a face is matched by, the cosine similarity of two descriptors and
 * its calibrated 0–100 score. The recipe (dlib alone or fused with FaceRes) and the calibration
 * ship together as one versioned resource, measured on the evaluation set.
 */
@ApplicationScoped
public class FaceMatcher {

    private final ScoreCalibration calibration;

    /** The configured pack's calibration; a new model or recipe gets a new file and version. */
    @Inject
    public FaceMatcher(ObjectMapper mapper, FacePackConfig config) {
        this(ScoreCalibration.load(config.modelPack().calibration(), mapper));
    }

    public FaceMatcher(ScoreCalibration calibration) {
        this.calibration = calibration;
    }

    /** Stored faces carry this, so descriptors from another model version are never compared. */
    public String modelVersion() {
        return calibration.modelVersion();
    }

    /**
     * The matching descriptor: unit dlib descriptor scaled by √w, followed (when fused) by the unit
     * FaceRes descriptor scaled by √(1−w), so that a dot product is the weighted sum of cosines.
     *
     * @param faceres FaceRes descriptor when already computed, else null (then {@code computeFaceres} runs if needed)
     */
    public float[] embedding(float[] dlib, Supplier<float[]> computeFaceres, float[] faceres) {
        double w = calibration.dlibWeight();
        if (w >= 1.0) {
            return scaledUnit(dlib, 1.0, 0, new float[dlib.length]);
        }
        float[] second = faceres != null ? faceres : computeFaceres.get();
        float[] out = new float[dlib.length + second.length];
        scaledUnit(dlib, Math.sqrt(w), 0, out);
        scaledUnit(second, Math.sqrt(1 - w), dlib.length, out);
        return out;
    }

    /** A single recogniser's matching descriptor: the descriptor made unit length. */
    public float[] embedding(float[] descriptor) {
        return scaledUnit(descriptor, 1.0, 0, new float[descriptor.length]);
    }

    public double similarity(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("descriptors of different models cannot be compared");
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    /** Calibrated 0–100, rounded to 2 decimals. */
    public double score(float[] a, float[] b) {
        return calibration.score(similarity(a, b));
    }

    public ScoreCalibration calibration() {
        return calibration;
    }

    private static float[] scaledUnit(float[] v, double scale, int offset, float[] out) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        double k = norm == 0 ? 0 : scale / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            out[offset + i] = (float) (v[i] * k);
        }
        return out;
    }
}
