package dev.likeness.runtime.image;

/**
 * OpenCV's {@code cv::resize(..., INTER_LINEAR)} on an 8-bit 3-channel image, reproduced in its
 * fixed-point form: 11-bit horizontal and vertical weights rounded from float, the horizontal
 * pass in integers, and the vertical pass as its 128-bit SIMD kernel rounds it
 * ({@code ((S0>>4)*b0>>16) + ((S1>>4)*b1>>16) + 2 >> 2}). Exact 2x reductions are averaged over
 * 2x2 blocks, as OpenCV switches to INTER_AREA for them; same-size input is copied. No
 * anti-aliasing: the anti-spoof and age/gender models were trained on crops made this way.
 */
public final class OpenCvLinearResize {

    private static final int COEF_SCALE = 2048;

    private OpenCvLinearResize() {
    }

    /**
     * @param frame the source pixels; {@code window} lies inside them
     * @return the resized window as BGR bytes, row-major, {@code outW * outH * 3}
     */
    public static byte[] resizeToBgr(PackedPixels frame, CropWindow window, int outW, int outH) {
        int[] rgb = frame.rgb();
        int srcW = window.width();
        int srcH = window.height();
        int[] src = new int[srcW * srcH * 3];
        for (int y = 0; y < srcH; y++) {
            int row = frame.rowStart(window.top() + y) + window.left();
            for (int x = 0; x < srcW; x++) {
                int p = rgb[row + x];
                int i = (y * srcW + x) * 3;
                src[i] = p & 0xff;
                src[i + 1] = (p >> 8) & 0xff;
                src[i + 2] = (p >> 16) & 0xff;
            }
        }
        if (srcW == outW && srcH == outH) {
            return toBytes(src);
        }
        double scaleX = (double) srcW / outW;
        double scaleY = (double) srcH / outH;
        if (srcW == 2 * outW && srcH == 2 * outH) {
            return halve(src, srcW, outW, outH);
        }
        int[] xofs = new int[outW];
        short[] alpha = new short[outW * 2];
        for (int dx = 0; dx < outW; dx++) {
            float fx = (float) ((dx + 0.5) * scaleX - 0.5);
            int sx = (int) Math.floor(fx);
            fx -= sx;
            if (sx < 0) {
                fx = 0;
                sx = 0;
            }
            if (sx >= srcW - 1) {
                fx = 0;
                sx = srcW - 1;
            }
            xofs[dx] = sx;
            alpha[2 * dx] = fixedPoint(1.f - fx);
            alpha[2 * dx + 1] = fixedPoint(fx);
        }
        byte[] out = new byte[outW * outH * 3];
        int[] row0 = new int[outW * 3];
        int[] row1 = new int[outW * 3];
        for (int dy = 0; dy < outH; dy++) {
            float fy = (float) ((dy + 0.5) * scaleY - 0.5);
            int sy = (int) Math.floor(fy);
            fy -= sy;
            short beta0 = fixedPoint(1.f - fy);
            short beta1 = fixedPoint(fy);
            horizontal(src, srcW, clamp(sy, srcH), xofs, alpha, row0);
            horizontal(src, srcW, clamp(sy + 1, srcH), xofs, alpha, row1);
            int base = dy * outW * 3;
            for (int i = 0; i < row0.length; i++) {
                int a = (short) Math.min(row0[i] >> 4, Short.MAX_VALUE) * beta0 >> 16;
                int b = (short) Math.min(row1[i] >> 4, Short.MAX_VALUE) * beta1 >> 16;
                out[base + i] = (byte) Math.max(0, Math.min(255, (a + b + 2) >> 2));
            }
        }
        return out;
    }

    private static short fixedPoint(float weight) {
        return (short) Math.rint(weight * COEF_SCALE);
    }

    private static int clamp(int row, int height) {
        return Math.max(0, Math.min(height - 1, row));
    }

    private static void horizontal(int[] src, int srcW, int sy, int[] xofs, short[] alpha, int[] row) {
        int rowStart = sy * srcW * 3;
        for (int dx = 0; dx < xofs.length; dx++) {
            int left = rowStart + xofs[dx] * 3;
            int right = xofs[dx] + 1 < srcW ? left + 3 : left;
            for (int c = 0; c < 3; c++) {
                row[dx * 3 + c] = src[left + c] * alpha[2 * dx] + src[right + c] * alpha[2 * dx + 1];
            }
        }
    }

    private static byte[] halve(int[] src, int srcW, int outW, int outH) {
        byte[] out = new byte[outW * outH * 3];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < 3; c++) {
                    int i = ((2 * y) * srcW + 2 * x) * 3 + c;
                    int sum = src[i] + src[i + 3] + src[i + srcW * 3] + src[i + srcW * 3 + 3];
                    out[(y * outW + x) * 3 + c] = (byte) ((sum + 2) >> 2);
                }
            }
        }
        return out;
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
