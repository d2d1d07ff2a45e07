package dev.likeness.face.embed;

/**
 * Fills a square chip by mapping each chip pixel centre through a transform into the source and
 * sampling bilinearly. When the transform shrinks by k >= 2 the source region is first reduced by
 * averaging k x k blocks, so every chip pixel sees the whole area it stands for.
 */
final class ChipSampler {

    private ChipSampler() {
    }

    static int[] sample(ImagePixels source, SimilarityTransform chipToSource, int size) {
        int k = Math.max(1, (int) Math.floor(chipToSource.scale()));
        // Bounding box of the chip's footprint in the source, clipped to the image.
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double u = (corner & 1) * size, v = (corner >> 1) * size;
            double x = chipToSource.x(u, v), y = chipToSource.y(u, v);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        int x0 = clamp((int) Math.floor(minX) - 2 * k, source.width());
        int y0 = clamp((int) Math.floor(minY) - 2 * k, source.height());
        int x1 = clamp((int) Math.ceil(maxX) + 2 * k, source.width());
        int y1 = clamp((int) Math.ceil(maxY) + 2 * k, source.height());
        int[] chip = new int[size * size];
        if (x1 <= x0 || y1 <= y0) {
            return chip;
        }
        Reduced reduced = reduce(source, x0, y0, x1, y1, k);
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                double sx = chipToSource.x(u + 0.5, v + 0.5);
                double sy = chipToSource.y(u + 0.5, v + 0.5);
                // Continuous source coordinate -> index in the reduced grid (block centres).
                chip[v * size + u] = reduced.bilinear((sx - x0) / k - 0.5, (sy - y0) / k - 0.5);
            }
        }
        return chip;
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }

    /** Block averages of the source region [x0,x1) x [y0,y1), one float per channel. */
    private static Reduced reduce(ImagePixels source, int x0, int y0, int x1, int y1, int k) {
        int w = (x1 - x0 + k - 1) / k;
        int h = (y1 - y0 + k - 1) / k;
        float[] rgb = new float[w * h * 3];
        int[] counts = new int[w * h];
        for (int y = y0; y < y1; y++) {
            int row = (y - y0) / k * w;
            for (int x = x0; x < x1; x++) {
                int cell = row + (x - x0) / k;
                int p = source.rgb()[y * source.width() + x];
                rgb[3 * cell] += (p >> 16) & 0xff;
                rgb[3 * cell + 1] += (p >> 8) & 0xff;
                rgb[3 * cell + 2] += p & 0xff;
                counts[cell]++;
            }
        }
        for (int cell = 0; cell < counts.length; cell++) {
            for (int c = 0; c < 3; c++) {
                rgb[3 * cell + c] /= counts[cell];
            }
        }
        return new Reduced(w, h, rgb);
    }

    private record Reduced(int width, int height, float[] rgb) {

        /** Bilinear sample at grid coordinate (x, y); samples off the grid are black. */
        int bilinear(double x, double y) {
            int ix = (int) Math.floor(x);
            int iy = (int) Math.floor(y);
            double fx = x - ix;
            double fy = y - iy;
            int packed = 0;
            for (int c = 0; c < 3; c++) {
                double top = (1 - fx) * at(ix, iy, c) + fx * at(ix + 1, iy, c);
                double bottom = (1 - fx) * at(ix, iy + 1, c) + fx * at(ix + 1, iy + 1, c);
                int value = (int) Math.round((1 - fy) * top + fy * bottom);
                packed = packed << 8 | Math.max(0, Math.min(255, value));
            }
            return packed;
        }

        private float at(int x, int y, int c) {
            if (x < 0 || y < 0 || x >= width || y >= height) {
                return 0;
            }
            return rgb[3 * (y * width + x) + c];
        }
    }
}
