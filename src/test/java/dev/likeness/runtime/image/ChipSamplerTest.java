package dev.likeness.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chip against a plain rendering of its definition: k x k block means, then bilinear at each chip pixel's centre. */
class ChipSamplerTest {

    @ParameterizedTest
    @CsvSource({
        "0.8, 0.1, 20, 30",    // enlarging: no blocks
        "2.3, -0.4, 40, 25",   // blocks of 2, rotated
        "3.7, 0.9, -30, 60",   // blocks of 3, partly outside the photo
        "5.2, 0.0, 100, 80"})  // blocks of 5, partial blocks at the footprint's edge
    void matchesTheDefinition(double a, double b, double tx, double ty) {
        int width = 613;
        int height = 587;
        int[] rgb = new int[width * height];
        Random random = new Random(7);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = random.nextInt(1 << 24);
        }
        PackedPixels photo = new PackedPixels(width, height, rgb);
        SimilarityTransform chipToSource = new SimilarityTransform(a, b, tx, ty);
        assertArrayEquals(reference(photo, chipToSource, 112), ChipSampler.sample(photo, chipToSource, 112));
    }

    /** Block means with float sums and per-block counts, as first written. */
    private static int[] reference(PackedPixels source, SimilarityTransform t, int size) {
        int k = Math.max(1, (int) Math.floor(t.scale()));
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double u = (corner & 1) * size, v = (corner >> 1) * size;
            minX = Math.min(minX, t.x(u, v));
            maxX = Math.max(maxX, t.x(u, v));
            minY = Math.min(minY, t.y(u, v));
            maxY = Math.max(maxY, t.y(u, v));
        }
        int x0 = clamp((int) Math.floor(minX) - 2 * k, source.width());
        int y0 = clamp((int) Math.floor(minY) - 2 * k, source.height());
        int x1 = clamp((int) Math.ceil(maxX) + 2 * k, source.width());
        int y1 = clamp((int) Math.ceil(maxY) + 2 * k, source.height());
        int[] chip = new int[size * size];
        if (x1 <= x0 || y1 <= y0) {
            return chip;
        }
        int w = (x1 - x0 + k - 1) / k;
        int h = (y1 - y0 + k - 1) / k;
        float[] mean = new float[w * h * 3];
        int[] counts = new int[w * h];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int cell = (y - y0) / k * w + (x - x0) / k;
                int p = source.rgb()[y * source.width() + x];
                mean[3 * cell] += (p >> 16) & 0xff;
                mean[3 * cell + 1] += (p >> 8) & 0xff;
                mean[3 * cell + 2] += p & 0xff;
                counts[cell]++;
            }
        }
        for (int cell = 0; cell < counts.length; cell++) {
            for (int c = 0; c < 3; c++) {
                mean[3 * cell + c] /= counts[cell];
            }
        }
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                double gx = (t.x(u + 0.5, v + 0.5) - x0) / k - 0.5;
                double gy = (t.y(u + 0.5, v + 0.5) - y0) / k - 0.5;
                int ix = (int) Math.floor(gx);
                int iy = (int) Math.floor(gy);
                double fx = gx - ix;
                double fy = gy - iy;
                int packed = 0;
                for (int c = 0; c < 3; c++) {
                    double top = (1 - fx) * at(mean, w, h, ix, iy, c) + fx * at(mean, w, h, ix + 1, iy, c);
                    double bottom = (1 - fx) * at(mean, w, h, ix, iy + 1, c) + fx * at(mean, w, h, ix + 1, iy + 1, c);
                    packed = packed << 8 | Math.max(0, Math.min(255, (int) Math.round((1 - fy) * top + fy * bottom)));
                }
                chip[v * size + u] = packed;
            }
        }
        return chip;
    }

    private static float at(float[] mean, int w, int h, int x, int y, int c) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : mean[3 * (y * w + x) + c];
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
