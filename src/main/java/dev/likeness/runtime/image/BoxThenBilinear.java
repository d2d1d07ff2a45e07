package dev.likeness.runtime.image;

/**
 * Shrinks pixels without aliasing at little cost: first averaged over whole-factor blocks (so the
 * source is at most twice the target), then bilinear with half-pixel centres and clamped edges,
 * rounded to 8 bits.
 */
public final class BoxThenBilinear {

    private BoxThenBilinear() {
    }

    /** @return {@code outW * outH} packed 0xRRGGBB pixels */
    public static int[] resize(PackedPixels src, int outW, int outH) {
        int factor = Math.max(1, Math.min(src.width() / outW, src.height() / outH));
        int w = Math.max(1, src.width() / factor);
        int h = Math.max(1, src.height() / factor);
        float[] blocks = new float[w * h * 3];
        float norm = 1f / (factor * factor);
        for (int by = 0; by < h; by++) {
            for (int bx = 0; bx < w; bx++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int y = by * factor; y < (by + 1) * factor; y++) {
                    int row = src.rowStart(y);
                    for (int x = bx * factor; x < (bx + 1) * factor; x++) {
                        int p = src.rgb()[row + x];
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                    }
                }
                int i = (by * w + bx) * 3;
                blocks[i] = r * norm;
                blocks[i + 1] = g * norm;
                blocks[i + 2] = b * norm;
            }
        }
        int[] out = new int[outW * outH];
        float sx = (float) w / outW;
        float sy = (float) h / outH;
        for (int oy = 0; oy < outH; oy++) {
            float fy = Math.max(0, (oy + 0.5f) * sy - 0.5f);
            int y0 = Math.min(h - 1, (int) fy);
            int y1 = Math.min(h - 1, y0 + 1);
            float wy = fy - y0;
            for (int ox = 0; ox < outW; ox++) {
                float fx = Math.max(0, (ox + 0.5f) * sx - 0.5f);
                int x0 = Math.min(w - 1, (int) fx);
                int x1 = Math.min(w - 1, x0 + 1);
                float wx = fx - x0;
                int packed = 0;
                for (int c = 0; c < 3; c++) {
                    float top = blocks[(y0 * w + x0) * 3 + c] * (1 - wx) + blocks[(y0 * w + x1) * 3 + c] * wx;
                    float bottom = blocks[(y1 * w + x0) * 3 + c] * (1 - wx) + blocks[(y1 * w + x1) * 3 + c] * wx;
                    int v = Math.max(0, Math.min(255, Math.round(top * (1 - wy) + bottom * wy)));
                    packed = packed << 8 | v;
                }
                out[oy * outW + ox] = packed;
            }
        }
        return out;
    }
}
