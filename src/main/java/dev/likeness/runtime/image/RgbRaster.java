package dev.likeness.runtime.image;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.util.Arrays;

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
public record RgbRaster(int width, int height, float[] rgb, float scaleX, float scaleY) {

    public int longSide() {
        return Math.max(width, height);
    }

    /**
     * Reads the image shrunk (area average) so its long side is at most {@code maxLongSide}; never
     * enlarges. Reads {@link BufferedImage}s row by row; other images go through their NDArray.
     */
    public static RgbRaster read(Image image, int maxLongSide, NDManager manager) {
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

    /**
     * The image resampled to exactly {@code dstW x dstH}, aspect ratio ignored: area averaging
     * where it shrinks, bilinear where it has to grow (an image smaller than the model input).
     */
    public static RgbRaster stretched(BufferedImage image, int dstW, int dstH) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w < dstW || h < dstH) {
            BufferedImage grown = new BufferedImage(Math.max(w, dstW), Math.max(h, dstH), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = grown.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, grown.getWidth(), grown.getHeight(), null);
            } finally {
                g.dispose();
            }
            RgbRaster raster = stretched(grown, dstW, dstH);
            return new RgbRaster(dstW, dstH, raster.rgb, (float) w / dstW, (float) h / dstH);
        }
        int[] packed = PackedPixels.backingArray(image);
        float[] rgb;
        if (packed != null) {
            rgb = areaAverage(packed, w, h, dstW, dstH);
        } else {
            AreaResampler resampler = new AreaResampler(w, h, dstW, dstH);
            RowReader rows = new RowReader(image);
            for (int y = 0; y < h; y++) {
                resampler.addRow(rows.row(y));
            }
            rgb = resampler.result();
        }
        return new RgbRaster(dstW, dstH, rgb, (float) w / dstW, (float) h / dstH);
    }

    /**
     * {@link AreaResampler}'s result computed straight from packed pixels with integer sums: every
     * detection of the v3 pack starts here, on the whole photo. The rows of an output row are first
     * summed column by column (a loop the JIT vectorises), red and blue together in one int (blue in
     * the low 16 bits, red in the high 16, read back unsigned, so up to {@value #LANE_ROWS} rows
     * neither carry from one into the other nor overflow) and green alone, two additions a pixel
     * instead of three (1.4 ms for a 1.3 MP photo against 2.3); then each output pixel adds up its
     * columns of those sums.
     */
    private static float[] areaAverage(int[] packed, int w, int h, int dstW, int dstH) {
        int[] colStart = new int[dstW];
        int[] colEnd = new int[dstW];
        for (int j = 0; j < dstW; j++) {
            colStart[j] = (int) ((long) j * w / dstW);
            colEnd[j] = (int) (((long) (j + 1) * w + dstW - 1) / dstW);
        }
        float[] out = new float[dstW * dstH * 3];
        int[] redBlue = new int[w];
        int[] green = new int[w];
        for (int i = 0; i < dstH; i++) {
            int rowStart = (int) ((long) i * h / dstH);
            int rowEnd = (int) (((long) (i + 1) * h + dstH - 1) / dstH);
            int rows = rowEnd - rowStart;
            if (rows > LANE_ROWS) {
                return areaAverageByChannel(packed, w, h, dstW, dstH);
            }
            Arrays.fill(redBlue, 0);
            Arrays.fill(green, 0);
            for (int y = rowStart; y < rowEnd; y++) {
                int base = y * w;
                for (int x = 0; x < w; x++) {
                    int p = packed[base + x];
                    redBlue[x] += p & 0xff00ff;
                    green[x] += p & 0xff00;
                }
            }
            for (int j = 0; j < dstW; j++) {
                long r = 0;
                long g = 0;
                long b = 0;
                for (int x = colStart[j]; x < colEnd[j]; x++) {
                    r += redBlue[x] >>> 16;
                    g += green[x] >>> 8;
                    b += redBlue[x] & 0xffff;
                }
                float area = rows * (colEnd[j] - colStart[j]);
                int o = (i * dstW + j) * 3;
                out[o] = r / area;
                out[o + 1] = g / area;
                out[o + 2] = b / area;
            }
        }
        return out;
    }

    /** Rows one red-and-blue int can sum: 257 * 255 is 65,535, the most a 16-bit lane holds. */
    private static final int LANE_ROWS = 257;

    /** The same averages with a sum per channel, for shrinks of more than {@value #LANE_ROWS} rows into one. */
    private static float[] areaAverageByChannel(int[] packed, int w, int h, int dstW, int dstH) {
        AreaResampler resampler = new AreaResampler(w, h, dstW, dstH);
        float[] row = new float[w * 3];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int p = packed[base + x];
                row[3 * x] = (p >> 16) & 0xff;
                row[3 * x + 1] = (p >> 8) & 0xff;
                row[3 * x + 2] = p & 0xff;
            }
            resampler.addRow(row);
        }
        return resampler.result();
    }

    /** Area-averaged copy whose long side is at most {@code maxLongSide}, scales composed. */
    public RgbRaster shrinkTo(int maxLongSide) {
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
    public float[] crop(int x, int y, int w, int h) {
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
        private final int[] packed;

        RowReader(BufferedImage image) {
            this.image = image;
            this.packed = PackedPixels.backingArray(image);
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
            if (packed != null) {
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    int p = packed[i];
                    row[x * 3] = (p >> 16) & 0xff;
                    row[x * 3 + 1] = (p >> 8) & 0xff;
                    row[x * 3 + 2] = p & 0xff;
                }
            } else if (direct) {
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
