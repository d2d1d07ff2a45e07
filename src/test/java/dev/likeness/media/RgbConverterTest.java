package dev.likeness.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Three-byte pixels, read a word at a time, against Java2D's own colour conversion. */
class RgbConverterTest {

    @Test
    void bgrBytesConvertToTheSamePixels() {
        BufferedImage bgr = new BufferedImage(37, 23, BufferedImage.TYPE_3BYTE_BGR);
        fill(bgr);
        assertSamePixels(bgr, RgbConverter.toPackedRgb(bgr));
    }

    @Test
    void rgbBytesConvertToTheSamePixels() {
        // the layout the decoder asks JPEG readers for; the buffer ends with the last pixel
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 37, 23, 37 * 3, 3,
                new int[] {0, 1, 2}, null);
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        BufferedImage rgb = new BufferedImage(cm, raster, false, null);
        fill(rgb);
        assertSamePixels(rgb, RgbConverter.toPackedRgb(rgb));
    }

    @Test
    void aWindowOfALargerRasterConvertsToItsOwnPixels() {
        BufferedImage bgr = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        fill(bgr);
        BufferedImage window = bgr.getSubimage(3, 5, 30, 25);
        assertSamePixels(window, RgbConverter.toPackedRgb(window));
    }

    private static void fill(BufferedImage image) {
        Random random = new Random(5);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
    }

    private static void assertSamePixels(BufferedImage source, BufferedImage converted) {
        assertEquals(BufferedImage.TYPE_INT_RGB, converted.getType());
        int[] packed = ((DataBufferInt) converted.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                assertEquals(source.getRGB(x, y) & 0xFFFFFF, packed[y * source.getWidth() + x], "pixel " + x + "," + y);
            }
        }
    }
}
