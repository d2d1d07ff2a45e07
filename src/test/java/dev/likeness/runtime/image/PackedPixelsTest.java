package dev.likeness.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PackedPixelsTest {

    @Test
    void readsAWindowFromThePackedArrayAsGetRgbWould() {
        BufferedImage packed = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
        BufferedImage other = new BufferedImage(5, 4, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                packed.setRGB(x, y, 0x010203 * (y * 5 + x + 1));
                other.setRGB(x, y, 0x010203 * (y * 5 + x + 1));
            }
        }
        assertNotNull(PackedPixels.backingArray(packed));
        assertNull(PackedPixels.backingArray(other));
        CropWindow window = new CropWindow(1, 1, 3, 2);
        assertArrayEquals(PackedPixels.window(other, window).toArray(), PackedPixels.window(packed, window).toArray());
        assertEquals(0x010203 * 7, PackedPixels.window(packed, window).pixel(0, 0));
        assertEquals(0x010203 * 14, PackedPixels.window(packed, window).pixel(2, 1));
    }

    @Test
    void aWindowInsideAPackedImageIsAViewOfItsArray() {
        BufferedImage packed = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
        PackedPixels window = PackedPixels.window(packed, new CropWindow(1, 1, 3, 2));
        assertSame(PackedPixels.backingArray(packed), window.rgb());
        assertEquals(6, window.rowStart(0));
        assertEquals(11, window.rowStart(1));
    }

    @Test
    void pixelsOutsideTheImageReadBlack() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xffffff);
        PackedPixels window = PackedPixels.window(image, new CropWindow(-1, -1, 0, 0));
        assertArrayEquals(new int[] {0, 0, 0, 0xffffff}, window.toArray());
    }
}
