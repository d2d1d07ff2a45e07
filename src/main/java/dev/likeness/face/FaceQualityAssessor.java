package dev.likeness.face;

import dev.likeness.runtime.image.LaplacianVariance;
import dev.likeness.runtime.image.Luma;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.image.BufferedImage;

/**
 * {@code face_quality} and {@code face_luminance}, computed from the face region (documented in the
 * README, "Quality and luminance"):
 * <ul>
 *   <li>luminance = mean Rec. 601 luma of the central 80 % of the face box, scaled to 0–100;</li>
 *   <li>quality = 100 × (0.30 sharpness + 0.25 size + 0.25 pose + 0.20 exposure), each part 0–1:
 *   sharpness from the variance of the Laplacian of the face resampled to 112 px (log scale, 20 → 0,
 *   400 → 1); size from the face box's shorter side (40 px → 0, 160 px → 1); pose from the nose's
 *   offset from the eyes' midpoint relative to the eye distance (yaw, 0.45 → 0) and the eye line's
 *   tilt (roll, 45° → 0); exposure from the luma's distance to mid-grey beyond ±40 and the share of
 *   clipped pixels.</li>
 * </ul>
 */
@ApplicationScoped
public class FaceQualityAssessor {

    private static final int SAMPLE = 112;

    public FaceQuality assess(BufferedImage image, DetectedFace face) {
        double[] luma = sampleLuma(image, face);
        double mean = 0;
        int clipped = 0;
        for (double v : luma) {
            mean += v;
            if (v < 10 || v > 245) {
                clipped++;
            }
        }
        mean /= luma.length;
        double luminance = round2(mean / 255.0 * 100.0);

        double sharpness = clamp((Math.log(laplacianVariance(luma)) - Math.log(20)) / (Math.log(400) - Math.log(20)));
        double size = clamp((Math.min(face.width(), face.height()) - 40.0) / 120.0);
        double pose = pose(face);
        double exposure = clamp(1 - Math.max(0, Math.abs(mean - 128) - 40) / 60.0) * (1 - (double) clipped / luma.length);
        double quality = round2(100 * (0.30 * sharpness + 0.25 * size + 0.25 * pose + 0.20 * exposure));
        return new FaceQuality(quality, luminance);
    }

    private static double pose(DetectedFace face) {
        double rx = face.keypointX(DetectedFace.RIGHT_EYE);
        double ry = face.keypointY(DetectedFace.RIGHT_EYE);
        double lx = face.keypointX(DetectedFace.LEFT_EYE);
        double ly = face.keypointY(DetectedFace.LEFT_EYE);
        double eyeDistance = Math.hypot(lx - rx, ly - ry);
        if (eyeDistance < 1) {
            return 0;
        }
        double midX = (rx + lx) / 2;
        double midY = (ry + ly) / 2;
        // Offset of the nose along the eye line, relative to eye distance: 0 when frontal.
        double ux = (lx - rx) / eyeDistance;
        double uy = (ly - ry) / eyeDistance;
        double yaw = ((face.keypointX(DetectedFace.NOSE) - midX) * ux + (face.keypointY(DetectedFace.NOSE) - midY) * uy) / eyeDistance;
        double roll = Math.toDegrees(Math.atan2(ly - ry, lx - rx));
        return clamp(1 - Math.abs(yaw) / 0.45) * clamp(1 - Math.abs(roll) / 45.0);
    }

    /** Luma of the face box's central 80 %, resampled (nearest) to SAMPLE × SAMPLE. */
    private static double[] sampleLuma(BufferedImage image, DetectedFace face) {
        double w = face.width();
        double h = face.height();
        double x0 = face.x1() + 0.1 * w;
        double y0 = face.y1() + 0.1 * h;
        double[] out = new double[SAMPLE * SAMPLE];
        for (int j = 0; j < SAMPLE; j++) {
            int y = clampInt((int) (y0 + (j + 0.5) * 0.8 * h / SAMPLE), image.getHeight());
            for (int i = 0; i < SAMPLE; i++) {
                int x = clampInt((int) (x0 + (i + 0.5) * 0.8 * w / SAMPLE), image.getWidth());
                out[j * SAMPLE + i] = Luma.of(image.getRGB(x, y));
            }
        }
        return out;
    }

    /** Floored so the log scale stays finite on a perfectly flat face. */
    private static double laplacianVariance(double[] luma) {
        return Math.max(1e-6, LaplacianVariance.of((x, y) -> luma[y * SAMPLE + x], 1, 1, SAMPLE - 2, SAMPLE - 2, 1));
    }

    private static int clampInt(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
