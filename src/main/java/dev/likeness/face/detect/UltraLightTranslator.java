package dev.likeness.face.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.likeness.face.DetectedFace;
import dev.likeness.runtime.image.RgbRaster;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * fr_detect's input: the photo stretched to 320x240, RGB as (v - 127) / 128, NCHW. Its outputs are
 * already decoded: {@code scores} [1, 4420, 2] (column 1 is "face") and {@code boxes} [1, 4420, 4]
 * as x1, y1, x2, y2 in 0–1 of the photo. Kept: score above 0.65, greedy NMS at IoU 0.4 (the
 * detector's own settings).
 */
final class UltraLightTranslator implements NoBatchifyTranslator<BufferedImage, List<DetectedFace>> {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    private static final float MIN_SCORE = 0.65f;
    private static final float NMS_IOU = 0.4f;
    private static final String SIZE = "size";

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage image) {
        ctx.setAttachment(SIZE, new int[] {image.getWidth(), image.getHeight()});
        float[] hwc = RgbRaster.stretched(image, WIDTH, HEIGHT).rgb();
        int plane = WIDTH * HEIGHT;
        float[] chw = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + i] = (hwc[3 * i + c] - 127f) / 128f;
            }
        }
        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(chw), new Shape(1, 3, HEIGHT, WIDTH)));
    }

    @Override
    public List<DetectedFace> processOutput(TranslatorContext ctx, NDList list) {
        int[] size = (int[]) ctx.getAttachment(SIZE);
        float[] scores = output(list, "scores", 0).toFloatArray();
        float[] boxes = output(list, "boxes", 1).toFloatArray();
        List<float[]> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length / 2; i++) {
            float score = scores[2 * i + 1];
            if (score > MIN_SCORE) {
                candidates.add(new float[] {boxes[4 * i] * size[0], boxes[4 * i + 1] * size[1],
                    boxes[4 * i + 2] * size[0], boxes[4 * i + 3] * size[1], score});
            }
        }
        candidates.sort(Comparator.comparingDouble((float[] c) -> c[4]).reversed());
        List<float[]> kept = new ArrayList<>();
        for (float[] c : candidates) {
            if (kept.stream().noneMatch(k -> iou(k, c) > NMS_IOU)) {
                kept.add(c);
            }
        }
        List<DetectedFace> faces = new ArrayList<>(kept.size());
        for (float[] k : kept) {
            faces.add(square(k, size[0], size[1]));
        }
        faces.sort(Comparator.comparingDouble(DetectedFace::area).reversed());
        return faces;
    }

    /** Same names as the graph's outputs; falls back to their order if the engine drops names. */
    private static NDArray output(NDList list, String name, int index) {
        NDArray named = list.get(name);
        return named != null ? named : list.get(index);
    }

    /** Side = the detected height, same centre, clipped to the image: the box the recipe's crops start from. */
    private static DetectedFace square(float[] box, int width, int height) {
        float side = box[3] - box[1];
        float cx = (box[0] + box[2]) / 2;
        float cy = (box[1] + box[3]) / 2;
        float x1 = Math.max(0, cx - side / 2);
        float y1 = Math.max(0, cy - side / 2);
        float x2 = Math.min(width - 1, cx + side / 2);
        float y2 = Math.min(height - 1, cy + side / 2);
        return new DetectedFace(x1, y1, x2, y2, box[4], new float[0]);
    }

    private static float iou(float[] a, float[] b) {
        float iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        float ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        float inter = iw * ih;
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
    }
}
