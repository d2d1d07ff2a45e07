package dev.likeness.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoxThenBilinearTest {

    @Test
    void averagesWholeBlocksBeforeInterpolating() {
        // 4x2 -> 2x1: one 2x2 block per output pixel, no interpolation left to do.
        int[] rgb = {0x000000, 0x040404, 0x080808, 0x0c0c0c, 0x000000, 0x040404, 0x080808, 0x0c0c0c};
        assertArrayEquals(new int[] {0x020202, 0x0a0a0a}, BoxThenBilinear.resize(new PackedPixels(4, 2, rgb), 2, 1));
    }

    @Test
    void interpolatesWithHalfPixelCentresAndClampedEdges() {
        // 2x1 -> 4x1: centres at -0.25, 0.25, 0.75, 1.25 of the source, clamped at both ends.
        int[] out = BoxThenBilinear.resize(new PackedPixels(2, 1, new int[] {0x000000, 0x646464}), 4, 1);
        assertEquals(0x000000, out[0]);
        assertEquals(0x191919, out[1]);
        assertEquals(0x4b4b4b, out[2]);
        assertEquals(0x646464, out[3]);
    }
}
