package dev.likeness.face.detect;

/**
 * Anchor centres of the full-range ("back") BlazeFace, in input pixels: a 16x16 grid with 2
 * anchors per cell (stride 16) then an 8x8 grid with 6 per cell (stride 32), 896 in all, the order
 * of the concatenated model outputs (as generateAnchors in @vladmandic/human's facemeshutil.ts).
 */
final class BlazeFaceAnchors {

    static final int INPUT_SIZE = 256;
    private static final int[] STRIDES = {16, 32};
    private static final int[] PER_CELL = {2, 6};

    /** x,y pairs, 2 * 896 values. */
    static final float[] CENTERS = build();

    private BlazeFaceAnchors() {
    }

    static int count() {
        return CENTERS.length / 2;
    }

    private static float[] build() {
        int total = 0;
        for (int i = 0; i < STRIDES.length; i++) {
            int grid = (INPUT_SIZE + STRIDES[i] - 1) / STRIDES[i];
            total += grid * grid * PER_CELL[i];
        }
        float[] centers = new float[2 * total];
        int k = 0;
        for (int i = 0; i < STRIDES.length; i++) {
            int stride = STRIDES[i];
            int grid = (INPUT_SIZE + stride - 1) / stride;
            for (int gy = 0; gy < grid; gy++) {
                for (int gx = 0; gx < grid; gx++) {
                    for (int n = 0; n < PER_CELL[i]; n++) {
                        centers[k++] = stride * (gx + 0.5f);
                        centers[k++] = stride * (gy + 0.5f);
                    }
                }
            }
        }
        return centers;
    }
}
