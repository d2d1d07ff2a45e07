package dev.likeness.media;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageDetailTest {

    private final ImageDecoder decoder = new ImageDecoder(StandaloneMediaConfig.config(Map.of()));

    @Test
    void uniformImagesAreRefusedAsBlank() throws Exception {
        for (Color colour : new Color[] {Color.BLACK, Color.WHITE, new Color(120, 130, 140)}) {
            DecodedImage blank = decoder.decode(BadImages.blank(3000, 2000, colour));
            InvalidImageException e = assertThrows(InvalidImageException.class, () -> ImageDetail.require(blank));
            assertEquals(InvalidImageException.Reason.BLANK, e.reason());
        }
    }

    @Test
    void aPlainSceneIsNotBlank() throws Exception {
        assertDoesNotThrow(() -> ImageDetail.require(decoder.decode(BadImages.noFace())));
    }

    @Test
    void theCheckIsCheapEvenAt49Megapixels() {
        var image = new java.awt.image.BufferedImage(8100, 6050, java.awt.image.BufferedImage.TYPE_INT_RGB);
        long start = System.nanoTime();
        double spread = ImageDetail.lumaSpread(image);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0.0, spread);
        org.junit.jupiter.api.Assertions.assertTrue(millis < 200, "took " + millis + " ms");
    }
}
