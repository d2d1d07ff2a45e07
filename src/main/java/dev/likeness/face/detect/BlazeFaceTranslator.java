package dev.likeness.face.detect;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.likeness.face.DetectedFace;
import java.util.ArrayList;
import java.util.List;

/**
 * One BlazeFace pass over a {@link RasterWindow}: letterboxes the window into the 256x256 input
 * (aspect ratio kept, centred, grey border; area averaging when shrinking, bilinear when
 * enlarging), scales pixels to [-1, 1], and decodes every anchor
 * whose sigmoid score reaches the threshold into a face in whole-image pixels. Boxes and keypoints
 * are decoded as in @vladmandic/human's blazeface.ts: centre = anchor + (dx, dy), size = (w, h),
 * keypoint = anchor + offset, all in input pixels. Overlapping candidates are left to the caller.
 *
 * <p>Model outputs expected, in this order: scores for the 512 stride-16 anchors, scores for the
 * 384 stride-32 anchors, then their 16 regressors each.
 */
final class BlazeFaceTranslator implements Translator<RasterWindow, List<DetectedFace>> {

    private static final String LETTERBOX = "letterbox";
    private static final int SIZE = BlazeFaceAnchors.INPUT_SIZE;
    private static final int KEYPOINTS = 6;

    private final float minConfidence;

    BlazeFaceTranslator(float minConfidence) {
        this.minConfidence = minConfidence;
    }

    /** How the window was scaled and placed inside the square input. */
    private record Letterbox(RasterWindow window, int left, int top, float scaleX, float scaleY) {

        float toImageX(float inputX) {
            return (window.x() + (inputX - left) * scaleX) * window.raster().scaleX();
        }

        float toImageY(float inputY) {
            return (window.y() + (inputY - top) * scaleY) * window.raster().scaleY();
        }
    }

    @Override
    public NDList processInput(TranslatorContext ctx, RasterWindow window) {
        float scale = (float) SIZE / window.longSide();
        int w = Math.max(1, Math.min(SIZE, Math.round(window.width() * scale)));
        int h = Math.max(1, Math.min(SIZE, Math.round(window.height() * scale)));
        int left = (SIZE - w) / 2;
        int top = (SIZE - h) / 2;
        ctx.setAttachment(LETTERBOX, new Letterbox(window, left, top,
                (float) window.width() / w, (float) window.height() / h));

        float[] crop = window.raster().crop(window.x(), window.y(), window.width(), window.height());
        NDArray pixels = ctx.getNDManager().create(crop, new Shape(window.height(), window.width(), 3));
        NDArray resized = w == window.width() && h == window.height() ? pixels
                : NDImageUtils.resize(pixels, w, h,
                        w < window.width() ? Image.Interpolation.AREA : Image.Interpolation.BILINEAR);
        NDArray normalized = resized.div(127.5f).sub(1f);
        NDArray input = normalized.pad(new Shape(0, 0, left, SIZE - w - left, top, SIZE - h - top), 0);
        return new NDList(input.expandDims(0));
    }

    @Override
    public List<DetectedFace> processOutput(TranslatorContext ctx, NDList outputs) {
        Letterbox box = (Letterbox) ctx.getAttachment(LETTERBOX);
        float[] logits = concat(outputs.get(0).toFloatArray(), outputs.get(1).toFloatArray());
        float[] regressors = concat(outputs.get(2).toFloatArray(), outputs.get(3).toFloatArray());
        int stride = regressors.length / logits.length;
        float[] anchors = BlazeFaceAnchors.CENTERS;
        List<DetectedFace> faces = new ArrayList<>();
        for (int i = 0; i < logits.length; i++) {
            float score = (float) (1 / (1 + Math.exp(-logits[i])));
            if (score < minConfidence) {
                continue;
            }
            int r = i * stride;
            float ax = anchors[2 * i];
            float ay = anchors[2 * i + 1];
            float cx = ax + regressors[r];
            float cy = ay + regressors[r + 1];
            float halfW = regressors[r + 2] / 2;
            float halfH = regressors[r + 3] / 2;
            float[] keypoints = new float[2 * KEYPOINTS];
            for (int k = 0; k < KEYPOINTS; k++) {
                keypoints[2 * k] = box.toImageX(ax + regressors[r + 4 + 2 * k]);
                keypoints[2 * k + 1] = box.toImageY(ay + regressors[r + 5 + 2 * k]);
            }
            faces.add(new DetectedFace(box.toImageX(cx - halfW), box.toImageY(cy - halfH),
                    box.toImageX(cx + halfW), box.toImageY(cy + halfH), score, keypoints));
        }
        return faces;
    }

    @Override
    public Batchifier getBatchifier() {
        return null; // processInput already adds the batch axis; the graph's reshapes fix batch at 1
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
