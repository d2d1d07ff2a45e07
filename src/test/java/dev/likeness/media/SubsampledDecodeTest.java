package dev.likeness.media;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pictures above the analysis budget are decoded subsampled, never at full size; smaller ones whole. */
class SubsampledDecodeTest {

    @Test
    void aPictureOverTheBudgetIsDecodedAtTheSmallestWholeFactorThatFits() throws Exception {
        byte[] jpeg = JpegFile.write(pattern(5000, 4001), 0.7f);
        DecodedImage decoded = new ImageDecoder(DecodeLimits.DEFAULT.withMaxBytes(20_000_000), 16_000_000).decode(jpeg);
        assertEquals(2, decoded.subsampling());
        assertEquals(2500, decoded.width());
        assertEquals(2001, decoded.height());
        // Every second pixel of the original: the red square's edge lands where it should.
        assertEquals(30, new Color(decoded.image().getRGB(1100, 1000)).getGreen(), 40);
        assertEquals(255, new Color(decoded.image().getRGB(900, 1000)).getGreen(), 40);
    }

    @Test
    void aPictureWithinTheBudgetIsDecodedWhole() throws Exception {
        byte[] jpeg = JpegFile.write(pattern(4000, 3000), 0.7f);
        DecodedImage decoded = new ImageDecoder(DecodeLimits.DEFAULT.withMaxBytes(20_000_000), 16_000_000).decode(jpeg);
        assertEquals(1, decoded.subsampling());
        assertEquals(4000, decoded.width());
    }

    @Test
    void theFactorIsTheSmallestThatFits() {
        assertEquals(1, ImageDecoder.subsampling(4000, 4000, 16_000_000));
        assertEquals(2, ImageDecoder.subsampling(4001, 4000, 16_000_000));
        assertEquals(2, ImageDecoder.subsampling(7000, 7000, 16_000_000));
        assertEquals(3, ImageDecoder.subsampling(12000, 4000, 6_000_000));
    }

    private static BufferedImage pattern(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(220, 30, 30));
        g.fillRect(2000, 1800, 600, 600);
        g.dispose();
        return image;
    }
}
