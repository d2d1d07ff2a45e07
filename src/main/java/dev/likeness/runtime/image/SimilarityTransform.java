package dev.likeness.runtime.image;

/**
 * x' = a*x - b*y + tx, y' = b*x + a*y + ty: rotation plus uniform scale plus shift, the least
 * squares fit between two point sets (Umeyama without reflection, as dlib's
 * {@code find_similarity_transform}).
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    /** Fits the transform taking {@code from} onto {@code to}; both are x,y pairs. */
    public static SimilarityTransform fit(double[] from, double[] to) {
        int n = from.length / 2;
        double fx = 0, fy = 0, tx = 0, ty = 0;
        for (int i = 0; i < n; i++) {
            fx += from[2 * i];
            fy += from[2 * i + 1];
            tx += to[2 * i];
            ty += to[2 * i + 1];
        }
        fx /= n;
        fy /= n;
        tx /= n;
        ty /= n;
        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            double ux = from[2 * i] - fx, uy = from[2 * i + 1] - fy;
            double vx = to[2 * i] - tx, vy = to[2 * i + 1] - ty;
            dot += ux * vx + uy * vy;
            cross += ux * vy - uy * vx;
            norm += ux * ux + uy * uy;
        }
        double a = dot / norm;
        double b = cross / norm;
        return new SimilarityTransform(a, b, tx - (a * fx - b * fy), ty - (b * fx + a * fy));
    }

    public double x(double x, double y) {
        return a * x - b * y + tx;
    }

    public double y(double x, double y) {
        return b * x + a * y + ty;
    }

    public double scale() {
        return Math.hypot(a, b);
    }
}
