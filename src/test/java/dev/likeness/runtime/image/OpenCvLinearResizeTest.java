package dev.likeness.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Hand-checked OpenCV INTER_LINEAR results (half-pixel centres, edge clamping, fixed-point rounding). */
class OpenCvLinearResizeTest {

    @Test
    void upsamplesWithHalfPixelCentresAndClampedEdges() {
        // cv2.resize(np.uint8([[0, 255]]), (4, 1)) == [[0, 64, 191, 255]]
        int[] rgb = {0x000000, 0xffffff};
        byte[] bgr = OpenCvLinearResize.resizeToBgr(new PackedPixels(2, rgb.length / 2, rgb), new CropWindow(0, 0, 1, 0), 4, 1);
        assertArrayEquals(new byte[] {0, 0, 0, 64, 64, 64, (byte) 191, (byte) 191, (byte) 191, (byte) 255, (byte) 255,
            (byte) 255}, bgr);
    }

    @Test
    void ordersChannelsBgrAndReadsOnlyTheWindow() {
        int[] rgb = {0x102030, 0x405060, 0x708090, 0xa0b0c0};
        byte[] bgr = OpenCvLinearResize.resizeToBgr(new PackedPixels(2, rgb.length / 2, rgb), new CropWindow(1, 1, 1, 1), 1, 1);
        assertArrayEquals(new byte[] {(byte) 0xc0, (byte) 0xb0, (byte) 0xa0}, bgr);
    }

    @Test
    void averagesExactHalvingLikeInterArea() {
        // OpenCV switches INTER_LINEAR to INTER_AREA for exact 2x reductions: (a+b+c+d+2)>>2.
        int[] rgb = {0x000000, 0x010101, 0x020202, 0x020202};
        byte[] bgr = OpenCvLinearResize.resizeToBgr(new PackedPixels(2, rgb.length / 2, rgb), new CropWindow(0, 0, 1, 1), 1, 1);
        assertArrayEquals(new byte[] {1, 1, 1}, bgr);
    }
}
