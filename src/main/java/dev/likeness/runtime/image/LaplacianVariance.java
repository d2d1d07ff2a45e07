package dev.likeness.runtime.image;

/**
 * Variance of the four-neighbour Laplacian of a grey-level field, the usual focus measure: sharp
 * detail has strong second derivatives, blur flattens them. Callers choose the field, the window
 * and how they scale or floor the result.
 */
public final class LaplacianVariance {

    /** Grey level at a pixel; the window's points and their four neighbours must all be readable. */
    @FunctionalInterface
    public interface Field {
        double at(int x, int y);
    }

    private LaplacianVariance() {
    }

    /**
     * Over the points {@code x0..x1} × {@code y0..y1} (inclusive) taken every {@code step} pixels
     * both ways; {@code NaN} when the window holds no point.
     */
    public static double of(Field field, int x0, int y0, int x1, int y1, int step) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = y0; y <= y1; y += step) {
            for (int x = x0; x <= x1; x += step) {
                double lap = field.at(x - 1, y) + field.at(x + 1, y) + field.at(x, y - 1) + field.at(x, y + 1)
                        - 4 * field.at(x, y);
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }
}
