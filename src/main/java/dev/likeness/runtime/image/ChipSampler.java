package dev.likeness.runtime.image;

import ai.djl.modality.cv.Image;

import java.awt.image.BufferedImage;

/**
 * Fills a square chip by mapping each chip pixel centre through a transform into the source and
 * sampling bilinearly. When the transform shrinks by k >= 2 the source region is first reduced by
 * averaging k x k blocks, so every chip pixel sees the whole area it stands for.
 */
public final class ChipSampler {

    private ChipSampler() {
    }

    /**
     * Same as {@link #sample(PackedPixels, SimilarityTransform, int)}, reading only the pixels under
     * the chip's footprint (the face and its margin) instead of copying the whole photo first. The
     * result is identical.
     */
    public static int[] sample(Image image, SimilarityTransform chipToSource, int size) {
        if (!(image.getWrappedImage() instanceof BufferedImage buffered)) {
            return sample(PackedPixels.of(image), chipToSource, size);
        }
        Footprint f = Footprint.of(chipToSource, size, buffered.getWidth(), buffered.getHeight());
        if (f.empty()) {
            return new int[size * size];
        }
        PackedPixels region = PackedPixels.window(buffered, new CropWindow(f.x0(), f.y0(), f.x1() - 1, f.y1() - 1));
        SimilarityTransform shifted = new SimilarityTransform(chipToSource.a(), chipToSource.b(),
                chipToSource.tx() - f.x0(), chipToSource.ty() - f.y0());
        return sample(region, shifted, size);
    }

    public static int[] sample(PackedPixels source, SimilarityTransform chipToSource, int size) {
        int k = blockSize(chipToSource);
        Footprint f = Footprint.of(chipToSource, size, source.width(), source.height());
        int x0 = f.x0();
        int y0 = f.y0();
        int[] chip = new int[size * size];
        if (f.empty()) {
            return chip;
        }
        Reduced reduced = reduce(source, x0, y0, f.x1(), f.y1(), k);
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

    private static int blockSize(SimilarityTransform chipToSource) {
        return Math.max(1, (int) Math.floor(chipToSource.scale()));
    }

    /** Bounding box of the chip's footprint in the source, with a margin for block averaging, clipped to the image. */
    private record Footprint(int x0, int y0, int x1, int y1) {

        static Footprint of(SimilarityTransform chipToSource, int size, int width, int height) {
            int k = blockSize(chipToSource);
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (int corner = 0; corner < 4; corner++) {
                double u = (corner & 1) * size, v = (corner >> 1) * size;
                double x = chipToSource.x(u, v), y = chipToSource.y(u, v);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            return new Footprint(clamp((int) Math.floor(minX) - 2 * k, width), clamp((int) Math.floor(minY) - 2 * k, height),
                    clamp((int) Math.ceil(maxX) + 2 * k, width), clamp((int) Math.ceil(maxY) + 2 * k, height));
        }

        boolean empty() {
            return x1 <= x0 || y1 <= y0;
        }

        private static int clamp(int value, int limit) {
            return Math.max(0, Math.min(limit, value));
        }
    }

    /**
     * Block averages of the source region [x0,x1) x [y0,y1), one float per channel. Sums are
     * integers (exact) and each block's pixel count follows from its position, so the inner loop
     * has no division: the ArcFace chip of a large face reduces a region of a megapixel or so.
     */
    private static Reduced reduce(PackedPixels source, int x0, int y0, int x1, int y1, int k) {
        int w = (x1 - x0 + k - 1) / k;
        int h = (y1 - y0 + k - 1) / k;
        int[] column = new int[x1 - x0];
        for (int i = 0; i < column.length; i++) {
            column[i] = 3 * (i / k);
        }
        int[] pixels = source.rgb();
        int[] sums = new int[w * h * 3];
        for (int y = y0; y < y1; y++) {
            int row = (y - y0) / k * w * 3;
            int from = source.rowStart(y) + x0;
            for (int i = 0; i < column.length; i++) {
                int p = pixels[from + i];
                int o = row + column[i];
                sums[o] += (p >> 16) & 0xff;
                sums[o + 1] += (p >> 8) & 0xff;
                sums[o + 2] += p & 0xff;
            }
        }
        float[] rgb = new float[sums.length];
        for (int cy = 0; cy < h; cy++) {
            int rows = Math.min(k, y1 - y0 - cy * k);
            for (int cx = 0; cx < w; cx++) {
                int count = rows * Math.min(k, x1 - x0 - cx * k);
                int o = 3 * (cy * w + cx);
                for (int c = 0; c < 3; c++) {
                    rgb[o + c] = (float) sums[o + c] / count;
                }
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
