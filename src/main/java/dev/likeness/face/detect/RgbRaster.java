package dev.likeness.face.detect;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;

/**
 * An image's RGB pixels (0–255, interleaved rows), possibly shrunk, with the factors that take
 * its coordinates back to the source image's pixels.
 *
 * @param width raster width
 * @param height raster height
 * @param rgb {@code width * height * 3} values
 * @param scaleX source pixels per raster pixel, horizontally
 * @param scaleY source pixels per raster pixel, vertically
 */
record RgbRaster(int width, int height, float[] rgb, float scaleX, float scaleY) {

    int longSide() {
        return Math.max(width, height);
    }

    /**
     * Reads the image shrunk (area average) so its long side is at most {@code maxLongSide}; never
     * enlarges. Reads {@link BufferedImage}s row by row; other images go through their NDArray.
     */
    static RgbRaster read(Image image, int maxLongSide, NDManager manager) {
        int w = image.getWidth();
        int h = image.getHeight();
        float scale = Math.min(1f, (float) maxLongSide / Math.max(w, h));
        int dstW = Math.max(1, Math.round(w * scale));
        int dstH = Math.max(1, Math.round(h * scale));
        AreaResampler resampler = new AreaResampler(w, h, dstW, dstH);
        if (image.getWrappedImage() instanceof BufferedImage buffered) {
            RowReader rows = new RowReader(buffered);
            for (int y = 0; y < h; y++) {
                resampler.addRow(rows.row(y));
            }
        } else {
            float[] all;
            try (NDManager scope = manager.newSubManager();
                    NDArray hwc = image.toNDArray(scope, Image.Flag.COLOR)) {
                byte[] bytes = hwc.toByteArray();
                all = new float[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    all[i] = bytes[i] & 0xff;
                }
            }
            float[] row = new float[w * 3];
            for (int y = 0; y < h; y++) {
                System.arraycopy(all, y * w * 3, row, 0, row.length);
                resampler.addRow(row);
            }
        }
        return new RgbRaster(dstW, dstH, resampler.result(), (float) w / dstW, (float) h / dstH);
    }

    /** Area-averaged copy whose long side is at most {@code maxLongSide}, scales composed. */
    RgbRaster shrinkTo(int maxLongSide) {
        if (longSide() <= maxLongSide) {
            return this;
        }
        float scale = (float) maxLongSide / longSide();
        int dstW = Math.max(1, Math.round(width * scale));
        int dstH = Math.max(1, Math.round(height * scale));
        AreaResampler resampler = new AreaResampler(width, height, dstW, dstH);
        float[] row = new float[width * 3];
        for (int y = 0; y < height; y++) {
            System.arraycopy(rgb, y * width * 3, row, 0, row.length);
            resampler.addRow(row);
        }
        return new RgbRaster(dstW, dstH, resampler.result(),
                scaleX * width / dstW, scaleY * height / dstH);
    }

    /** The pixels of a rectangle, HWC. */
    float[] crop(int x, int y, int w, int h) {
        float[] out = new float[w * h * 3];
        for (int r = 0; r < h; r++) {
            System.arraycopy(rgb, ((y + r) * width + x) * 3, out, r * w * 3, w * 3);
        }
        return out;
    }

    /** Reads rows of a BufferedImage as RGB floats, straight from the raster when its layout allows. */
    private static final class RowReader {

        private final BufferedImage image;
        private final Raster raster;
        private final int bands;
        private final boolean gray;
        private final boolean direct;
        private final float unit;
        private final int[] samples;
        private final int[] argb;
        private final float[] row;

        RowReader(BufferedImage image) {
            this.image = image;
            this.raster = image.getRaster();
            ColorModel cm = image.getColorModel();
            int type = cm.getColorSpace().getType();
            boolean plain = (cm instanceof ComponentColorModel || cm instanceof DirectColorModel)
                    && !cm.isAlphaPremultiplied() && cm.getComponentSize(0) <= 16;
            this.bands = raster.getNumBands();
            this.gray = plain && type == ColorSpace.TYPE_GRAY && bands <= 2;
            this.direct = gray || (plain && type == ColorSpace.TYPE_RGB && bands >= 3 && cm.getColorSpace().isCS_sRGB());
            this.unit = direct ? 255f / ((1 << cm.getComponentSize(0)) - 1) : 1f;
            int w = image.getWidth();
            this.samples = direct ? new int[w * bands] : null;
            this.argb = direct ? null : new int[w];
            this.row = new float[w * 3];
        }

        float[] row(int y) {
            int w = image.getWidth();
            if (direct) {
                raster.getPixels(0, y, w, 1, samples);
                for (int x = 0; x < w; x++) {
                    int s = x * bands;
                    if (gray) {
                        float v = samples[s] * unit;
                        row[x * 3] = v;
                        row[x * 3 + 1] = v;
                        row[x * 3 + 2] = v;
                    } else {
                        row[x * 3] = samples[s] * unit;
                        row[x * 3 + 1] = samples[s + 1] * unit;
                        row[x * 3 + 2] = samples[s + 2] * unit;
                    }
                }
            } else {
                image.getRGB(0, y, w, 1, argb, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = argb[x];
                    row[x * 3] = (p >> 16) & 0xff;
                    row[x * 3 + 1] = (p >> 8) & 0xff;
                    row[x * 3 + 2] = p & 0xff;
                }
            }
            return row;
        }
    }
}
