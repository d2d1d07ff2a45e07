package dev.likeness.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed-pixel fast path of {@link RgbRaster#stretched} against the general area resampler. */
class RgbRasterTest {

    @Test
    void packedPixelsStretchLikeTheGeneralPath() {
        Random random = new Random(7);
        int w = 1031;
        int h = 677;
        BufferedImage packed = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = random.nextInt(0x1000000);
                packed.setRGB(x, y, rgb);
                bgr.setRGB(x, y, rgb);
            }
        }
        RgbRaster fast = RgbRaster.stretched(packed, 320, 240);
        RgbRaster general = RgbRaster.stretched(bgr, 320, 240);
        assertEquals(general.rgb().length, fast.rgb().length);
        for (int i = 0; i < fast.rgb().length; i++) {
            assertEquals(general.rgb()[i], fast.rgb()[i], 1e-3f, "value " + i);
        }
        assertEquals(w / 320f, fast.scaleX(), 1e-6f);
    }

    /**
     * Over 257 bright source rows to one output row, the red-and-blue sums would carry: the
     * per-channel path takes over.
     */
    @Test
    void aVeryTallPhotoStretchesLikeTheGeneralPath() {
        Random random = new Random(11);
        int w = 320;
        int h = 258 * 240 + 17;
        BufferedImage packed = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        int[] ints = ((DataBufferInt) packed.getRaster().getDataBuffer()).getData();
        byte[] bytes = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < ints.length; i++) {
            int rgb = 0xFCFCFC | random.nextInt(4) * 0x010101;
            ints[i] = rgb;
            bytes[3 * i] = (byte) rgb;
            bytes[3 * i + 1] = (byte) (rgb >> 8);
            bytes[3 * i + 2] = (byte) (rgb >> 16);
        }
        float[] fast = RgbRaster.stretched(packed, 320, 240).rgb();
        float[] general = RgbRaster.stretched(bgr, 320, 240).rgb();
        for (int i = 0; i < fast.length; i++) {
            assertEquals(general[i], fast[i], 1e-3f, "value " + i);
        }
    }

    @Test
    void growsAnImageSmallerThanTheTarget() {
        BufferedImage small = new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 100; x++) {
                small.setRGB(x, y, 0x808080);
            }
        }
        RgbRaster raster = RgbRaster.stretched(small, 320, 240);
        assertEquals(320 * 240 * 3, raster.rgb().length);
        assertEquals(128f, raster.rgb()[raster.rgb().length / 2], 1f);
        assertEquals(100 / 320f, raster.scaleX(), 1e-6f);
    }
}
