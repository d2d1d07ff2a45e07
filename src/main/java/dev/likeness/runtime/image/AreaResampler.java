package dev.likeness.runtime.image;

/**
 * Shrinks an RGB image by area averaging, fed one source row at a time so a large photo never
 * has to exist as one float array. Output cell {@code (i, j)} averages source rows
 * {@code [floor(i*H/h), ceil((i+1)*H/h))} and the matching columns, like PyTorch's "area" mode.
 */
final class AreaResampler {

    private final int srcW;
    private final int srcH;
    private final int dstW;
    private final int dstH;
    private final int[] colStart;
    private final int[] colEnd;
    private final double[] sums;
    private final double[] prefix;
    private int nextRow;

    AreaResampler(int srcW, int srcH, int dstW, int dstH) {
        if (dstW > srcW || dstH > srcH || dstW < 1 || dstH < 1) {
            throw new IllegalArgumentException("cannot area-resample " + srcW + "x" + srcH + " to " + dstW + "x" + dstH);
        }
        this.srcW = srcW;
        this.srcH = srcH;
        this.dstW = dstW;
        this.dstH = dstH;
        colStart = new int[dstW];
        colEnd = new int[dstW];
        for (int j = 0; j < dstW; j++) {
            colStart[j] = (int) ((long) j * srcW / dstW);
            colEnd[j] = (int) (((long) (j + 1) * srcW + dstW - 1) / dstW);
        }
        sums = new double[dstW * dstH * 3];
        prefix = new double[(srcW + 1) * 3];
    }

    /** @param rgb row {@code y} as {@code srcW * 3} interleaved RGB values; rows must come in order */
    void addRow(float[] rgb) {
        int y = nextRow++;
        for (int x = 0; x < srcW; x++) {
            for (int c = 0; c < 3; c++) {
                prefix[(x + 1) * 3 + c] = prefix[x * 3 + c] + rgb[x * 3 + c];
            }
        }
        // a source row belongs to at most two output rows
        int first = (int) ((long) y * dstH / srcH);
        for (int i = Math.max(0, first - 1); i <= Math.min(dstH - 1, first + 1); i++) {
            int rowStart = (int) ((long) i * srcH / dstH);
            int rowEnd = (int) (((long) (i + 1) * srcH + dstH - 1) / dstH);
            if (y < rowStart || y >= rowEnd) {
                continue;
            }
            int base = i * dstW * 3;
            for (int j = 0; j < dstW; j++) {
                for (int c = 0; c < 3; c++) {
                    sums[base + j * 3 + c] += prefix[colEnd[j] * 3 + c] - prefix[colStart[j] * 3 + c];
                }
            }
        }
    }

    float[] result() {
        if (nextRow != srcH) {
            throw new IllegalStateException("fed " + nextRow + " of " + srcH + " rows");
        }
        float[] out = new float[sums.length];
        for (int i = 0; i < dstH; i++) {
            int rows = (int) (((long) (i + 1) * srcH + dstH - 1) / dstH) - (int) ((long) i * srcH / dstH);
            for (int j = 0; j < dstW; j++) {
                int area = rows * (colEnd[j] - colStart[j]);
                for (int c = 0; c < 3; c++) {
                    int k = (i * dstW + j) * 3 + c;
                    out[k] = (float) (sums[k] / area);
                }
            }
        }
        return out;
    }
}
