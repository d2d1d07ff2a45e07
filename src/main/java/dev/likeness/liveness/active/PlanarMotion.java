package dev.likeness.liveness.active;

import dev.likeness.face.landmarks.FaceMesh;
import dev.likeness.runtime.image.SimilarityTransform;

import java.util.Arrays;

/**
 * How the landmarks moved between a frontal frame and another frame, measured against two models
 * of the motion. A flat picture (print, screen) moved in any way is one homography of the image
 * plane, so a homography fits its landmarks down to the landmark noise; a head turning shows
 * parallax (the nose passes in front of the cheeks), which no homography explains.
 *
 * @param deformation RMS landmark distance left after the best similarity transform (shift,
 *     scale, in-plane rotation), in inter-ocular distances: how much the face changed shape in
 *     the image. Little deformation means too little motion to judge flatness.
 * @param planarResidual RMS landmark distance left after the best homography, in inter-ocular
 *     distances, over the best-fitting 90 % of the landmarks (a few mislocated points in a flat
 *     picture must not make it look 3D)
 */
public record PlanarMotion(double deformation, double planarResidual) {

    private static final double KEEP = 0.9;
    /** Landmarks within this share of the face's radius around the nose bridge count as inner. */
    private static final double INNER = 0.55;
    private static final int NOSE_BRIDGE = 168;

    public static PlanarMotion between(FaceMesh frontal, FaceMesh other) {
        int n = FaceMesh.COUNT;
        double[] ax = new double[n], ay = new double[n], bx = new double[n], by = new double[n];
        for (int i = 0; i < n; i++) {
            ax[i] = frontal.x(i);
            ay[i] = frontal.y(i);
            bx[i] = other.x(i);
            by[i] = other.y(i);
        }
        double iod = interOcular(other);
        Normaliser na = new Normaliser(ax, ay);
        Normaliser nb = new Normaliser(bx, by);
        double[] pax = na.xs(ax, ay), pay = na.ys(ax, ay), pbx = nb.xs(bx, by), pby = nb.ys(bx, by);
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        double[] sim = residuals(pax, pay, pbx, pby, similarity(pax, pay, pbx, pby), false);
        double deformation = rms(sim, all) / nb.scale / iod;

        boolean[] inner = inner(frontal);
        double[] h = fitHomography(pax, pay, pbx, pby, inner);
        double[] res = residuals(pax, pay, pbx, pby, h, true);
        boolean[] kept = and(bestFraction(res, KEEP), inner);
        h = fitHomography(pax, pay, pbx, pby, kept);
        res = residuals(pax, pay, pbx, pby, h, true);
        kept = and(bestFraction(res, KEEP), inner);
        return new PlanarMotion(deformation, rms(res, kept) / nb.scale / iod);
    }

    /**
     * The landmarks inside the face (eyes, brows, nose, mouth), not its outline: the outline sits
     * on the silhouette, where FaceMesh places points by its prior of a 3D head rather than by the
     * image, even on a flat picture.
     */
    private static boolean[] inner(FaceMesh frontal) {
        double cx = frontal.x(NOSE_BRIDGE), cy = frontal.y(NOSE_BRIDGE);
        double[] r = new double[FaceMesh.COUNT];
        double max = 0;
        for (int i = 0; i < FaceMesh.COUNT; i++) {
            r[i] = Math.hypot(frontal.x(i) - cx, frontal.y(i) - cy);
            max = Math.max(max, r[i]);
        }
        boolean[] keep = new boolean[FaceMesh.COUNT];
        for (int i = 0; i < FaceMesh.COUNT; i++) {
            keep[i] = r[i] <= INNER * max;
        }
        return keep;
    }

    private static boolean[] and(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] && b[i];
        }
        return out;
    }

    /** Distance between the eye centres (each the midpoint of its corners), in pixels. */
    static double interOcular(FaceMesh mesh) {
        double rx = (mesh.x(33) + mesh.x(133)) / 2, ry = (mesh.y(33) + mesh.y(133)) / 2;
        double lx = (mesh.x(263) + mesh.x(362)) / 2, ly = (mesh.y(263) + mesh.y(362)) / 2;
        return Math.max(1e-6, Math.hypot(lx - rx, ly - ry));
    }

    /** Hartley normalisation: centroid at the origin, mean distance √2, so the fits are well conditioned. */
    private static final class Normaliser {
        final double cx;
        final double cy;
        final double scale;

        Normaliser(double[] x, double[] y) {
            double sx = 0, sy = 0;
            for (int i = 0; i < x.length; i++) {
                sx += x[i];
                sy += y[i];
            }
            cx = sx / x.length;
            cy = sy / y.length;
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                d += Math.hypot(x[i] - cx, y[i] - cy);
            }
            scale = Math.sqrt(2) / Math.max(1e-9, d / x.length);
        }

        double[] xs(double[] x, double[] y) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = (x[i] - cx) * scale;
            }
            return out;
        }

        double[] ys(double[] x, double[] y) {
            double[] out = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                out[i] = (y[i] - cy) * scale;
            }
            return out;
        }
    }

    /** The least-squares similarity taking a onto b, as a 3×3 matrix. */
    private static double[] similarity(double[] ax, double[] ay, double[] bx, double[] by) {
        SimilarityTransform s = SimilarityTransform.fit(interleaved(ax, ay), interleaved(bx, by));
        return new double[] {s.a(), -s.b(), s.tx(), s.b(), s.a(), s.ty(), 0, 0, 1};
    }

    private static double[] interleaved(double[] x, double[] y) {
        double[] xy = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            xy[2 * i] = x[i];
            xy[2 * i + 1] = y[i];
        }
        return xy;
    }

    /** Direct linear transform with h33 = 1 (safe after normalisation: the origin maps near the origin). */
    private static double[] fitHomography(double[] ax, double[] ay, double[] bx, double[] by, boolean[] use) {
        double[][] ata = new double[8][8];
        double[] atb = new double[8];
        for (int i = 0; i < ax.length; i++) {
            if (!use[i]) {
                continue;
            }
            double x = ax[i], y = ay[i], u = bx[i], v = by[i];
            accumulate(ata, atb, new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y}, u);
            accumulate(ata, atb, new double[] {0, 0, 0, x, y, 1, -v * x, -v * y}, v);
        }
        double[] h = LinearSystem.solve(ata, atb);
        return new double[] {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1};
    }

    private static void accumulate(double[][] ata, double[] atb, double[] row, double target) {
        for (int r = 0; r < row.length; r++) {
            for (int c = 0; c < row.length; c++) {
                ata[r][c] += row[r] * row[c];
            }
            atb[r] += row[r] * target;
        }
    }

    private static double[] residuals(double[] ax, double[] ay, double[] bx, double[] by, double[] h, boolean projective) {
        double[] out = new double[ax.length];
        for (int i = 0; i < ax.length; i++) {
            double w = projective ? h[6] * ax[i] + h[7] * ay[i] + h[8] : 1;
            double u = (h[0] * ax[i] + h[1] * ay[i] + h[2]) / w;
            double v = (h[3] * ax[i] + h[4] * ay[i] + h[5]) / w;
            out[i] = Math.hypot(u - bx[i], v - by[i]);
        }
        return out;
    }

    private static boolean[] bestFraction(double[] residuals, double fraction) {
        double[] sorted = residuals.clone();
        Arrays.sort(sorted);
        double limit = sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)];
        boolean[] keep = new boolean[residuals.length];
        for (int i = 0; i < residuals.length; i++) {
            keep[i] = residuals[i] <= limit;
        }
        return keep;
    }

    private static double rms(double[] residuals, boolean[] use) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < residuals.length; i++) {
            if (use[i]) {
                sum += residuals[i] * residuals[i];
                count++;
            }
        }
        return Math.sqrt(sum / Math.max(1, count));
    }
}
