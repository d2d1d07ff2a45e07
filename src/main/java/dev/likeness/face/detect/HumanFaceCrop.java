package dev.likeness.face.detect;

import ai.djl.modality.cv.Image;
import dev.likeness.face.DetectedFace;
import dev.likeness.runtime.image.CropWindow;
import dev.likeness.runtime.image.PackedPixels;

/**
 * The face crop @vladmandic/human feeds its face models (FaceRes after a resize to 224 px; our
 * FaceMesh uses a roll-corrected variant, see the landmarks package), reproduced step by step so
 * the outputs mean the same: the detector box enlarged 1.4x about its
 * centre and squared (facemeshutil enlargeBox + squarifyBox, with its rounding), cut out with
 * {@code tf.image.cropAndResize} to 192x192 (bilinear, black outside the image). Values stay 0–255 RGB.
 */
public final class HumanFaceCrop {

    public static final int SIZE = 192;
    private static final float ENLARGE = 1.4f;

    /**
     * @param x1 left edge of the square box in image pixels (crop column 0)
     * @param y1 top edge (crop row 0)
     * @param side the box's side in image pixels ({@link #SIZE} crop pixels)
     * @param rgb {@code SIZE * SIZE * 3} floats, HWC, 0–255
     */
    public record Crop(int x1, int y1, int side, float[] rgb) {
    }

    private HumanFaceCrop() {
    }

    public static Crop cut(Image image, DetectedFace face) {
        float cx = (face.x1() + face.x2()) / 2;
        float cy = (face.y1() + face.y2()) / 2;
        float half = ENLARGE * Math.max(Math.abs(face.width()), Math.abs(face.height())) / 2;
        int x1 = Math.round(cx - half);
        int y1 = Math.round(cy - half);
        int x2 = Math.round(cx + half);
        int y2 = Math.round(cy + half);
        return new Crop(x1, y1, x2 - x1, cropAndResize(image, x1, y1, x2, y2));
    }

    /** {@code tf.image.cropAndResize} of one box given in pixels, to SIZE squared. */
    private static float[] cropAndResize(Image image, int x1, int y1, int x2, int y2) {
        int imageW = image.getWidth();
        int imageH = image.getHeight();
        // TF samples at y1n*(H-1) + i*(y2n-y1n)*(H-1)/(crop-1) with y1n = y1/H
        double yStart = (double) y1 / imageH * (imageH - 1);
        double yStep = ((double) y2 / imageH - (double) y1 / imageH) * (imageH - 1) / (SIZE - 1);
        double xStart = (double) x1 / imageW * (imageW - 1);
        double xStep = ((double) x2 / imageW - (double) x1 / imageW) * (imageW - 1) / (SIZE - 1);

        int left = clamp((int) Math.floor(Math.min(xStart, xStart + xStep * (SIZE - 1))), 0, imageW - 1);
        int right = clamp((int) Math.ceil(Math.max(xStart, xStart + xStep * (SIZE - 1))), 0, imageW - 1);
        int top = clamp((int) Math.floor(Math.min(yStart, yStart + yStep * (SIZE - 1))), 0, imageH - 1);
        int bottom = clamp((int) Math.ceil(Math.max(yStart, yStart + yStep * (SIZE - 1))), 0, imageH - 1);
        PackedPixels pixels = PackedPixels.window(image, new CropWindow(left, top, right, bottom));

        float[] out = new float[SIZE * SIZE * 3];
        for (int i = 0; i < SIZE; i++) {
            double inY = yStart + i * yStep;
            if (inY < 0 || inY > imageH - 1) {
                continue; // extrapolation value 0
            }
            int y0 = (int) Math.floor(inY);
            int y1i = (int) Math.ceil(inY);
            float yLerp = (float) (inY - y0);
            for (int j = 0; j < SIZE; j++) {
                double inX = xStart + j * xStep;
                if (inX < 0 || inX > imageW - 1) {
                    continue;
                }
                int x0 = (int) Math.floor(inX);
                int x1i = (int) Math.ceil(inX);
                float xLerp = (float) (inX - x0);
                int tlp = pixels.pixel(x0 - left, y0 - top);
                int trp = pixels.pixel(x1i - left, y0 - top);
                int blp = pixels.pixel(x0 - left, y1i - top);
                int brp = pixels.pixel(x1i - left, y1i - top);
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    float tl = (tlp >> shift) & 0xff;
                    float tr = (trp >> shift) & 0xff;
                    float bl = (blp >> shift) & 0xff;
                    float br = (brp >> shift) & 0xff;
                    float topV = tl + (tr - tl) * xLerp;
                    float bottomV = bl + (br - bl) * xLerp;
                    out[(i * SIZE + j) * 3 + c] = topV + (bottomV - topV) * yLerp;
                }
            }
        }
        return out;
    }

    /** {@code tf.image.resizeBilinear} with alignCorners and halfPixelCenters false, square HWC. */
    public static float[] resizeBilinear(float[] src, int in, int out) {
        float[] dst = new float[out * out * 3];
        float scale = (float) in / out;
        for (int r = 0; r < out; r++) {
            float sy = r * scale;
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(in - 1, (int) Math.ceil(sy));
            float dy = sy - y0;
            for (int col = 0; col < out; col++) {
                float sx = col * scale;
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(in - 1, (int) Math.ceil(sx));
                float dx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    float tl = src[(y0 * in + x0) * 3 + c];
                    float tr = src[(y0 * in + x1) * 3 + c];
                    float bl = src[(y1 * in + x0) * 3 + c];
                    float br = src[(y1 * in + x1) * 3 + c];
                    float topV = tl + (tr - tl) * dx;
                    float bottomV = bl + (br - bl) * dx;
                    dst[(r * out + col) * 3 + c] = topV + (bottomV - topV) * dy;
                }
            }
        }
        return dst;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
