package dev.likeness.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

/**
 * An upright test scene with four coloured quadrants (wider than tall), and the stored pixels a
 * camera would write for it under each EXIF orientation, derived from the EXIF table's wording
 * ("the 0th row is the visual right-hand side, the 0th column the visual top", ...) rather than
 * from the decoder's rotation code.
 */
final class OrientationPattern {

    static final int WIDTH = 96;
    static final int HEIGHT = 64;
    static final int TOP_LEFT = 0x000040;
    static final int TOP_RIGHT = 0x00FF40;
    static final int BOTTOM_LEFT = 0xFF0040;
    static final int BOTTOM_RIGHT = 0xFFFF40;

    private enum Side { TOP, BOTTOM, LEFT, RIGHT }

    // Index = EXIF value; {side of the scene the stored 0th row shows, side the stored 0th column shows}.
    private static final Side[][] TABLE = {
        null,
        {Side.TOP, Side.LEFT},
        {Side.TOP, Side.RIGHT},
        {Side.BOTTOM, Side.RIGHT},
        {Side.BOTTOM, Side.LEFT},
        {Side.LEFT, Side.TOP},
        {Side.RIGHT, Side.TOP},
        {Side.RIGHT, Side.BOTTOM},
        {Side.LEFT, Side.BOTTOM},
    };

    private OrientationPattern() {
    }

    static int upright(int x, int y) {
        boolean right = x >= WIDTH / 2;
        boolean bottom = y >= HEIGHT / 2;
        return bottom ? (right ? BOTTOM_RIGHT : BOTTOM_LEFT) : (right ? TOP_RIGHT : TOP_LEFT);
    }

    static boolean storedAxesSwapped(int orientation) {
        return orientation >= 5;
    }

    static int storedWidth(int orientation) {
        return storedAxesSwapped(orientation) ? HEIGHT : WIDTH;
    }

    static int storedHeight(int orientation) {
        return storedAxesSwapped(orientation) ? WIDTH : HEIGHT;
    }

    /** Colour of stored pixel (column c, row r) for a file tagged with {@code orientation}. */
    static int stored(int orientation, int c, int r) {
        Side row0 = TABLE[orientation][0];
        Side col0 = TABLE[orientation][1];
        int x;
        int y;
        if (row0 == Side.TOP || row0 == Side.BOTTOM) {
            y = row0 == Side.TOP ? r : HEIGHT - 1 - r;
            x = col0 == Side.LEFT ? c : WIDTH - 1 - c;
        } else {
            x = row0 == Side.LEFT ? r : WIDTH - 1 - r;
            y = col0 == Side.TOP ? c : HEIGHT - 1 - c;
        }
        return upright(x, y);
    }

    static BufferedImage storedImage(int orientation) {
        BufferedImage img = new BufferedImage(storedWidth(orientation), storedHeight(orientation), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < img.getHeight(); r++) {
            for (int c = 0; c < img.getWidth(); c++) {
                img.setRGB(c, r, stored(orientation, c, r));
            }
        }
        return img;
    }

    /** The decoded image is the upright scene: right size, each quadrant's centre the right colour. */
    static void assertUpright(DecodedImage decoded, int tolerance, String label) {
        assertEquals(WIDTH, decoded.width(), label + " width");
        assertEquals(HEIGHT, decoded.height(), label + " height");
        int[][] probes = {{WIDTH / 4, HEIGHT / 4}, {3 * WIDTH / 4, HEIGHT / 4}, {WIDTH / 4, 3 * HEIGHT / 4}, {3 * WIDTH / 4, 3 * HEIGHT / 4}};
        for (int[] p : probes) {
            assertColour(upright(p[0], p[1]), decoded.image().getRGB(p[0], p[1]), tolerance, label + " at " + p[0] + "," + p[1]);
        }
    }

    static void assertColour(int expected, int actual, int tolerance, String label) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = expected >> shift & 0xFF;
            int a = actual >> shift & 0xFF;
            assertTrue(Math.abs(e - a) <= tolerance,
                    String.format("%s: expected %06x, got %06x", label, expected & 0xFFFFFF, actual & 0xFFFFFF));
        }
    }
}
