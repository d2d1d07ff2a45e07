package dev.likeness.liveness;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.likeness.face.DetectedFace;
import dev.likeness.liveness.MiniFasNetTranslator.FaceInFrame;
import dev.likeness.runtime.image.CropWindow;
import dev.likeness.runtime.image.OpenCvLinearResize;
import dev.likeness.runtime.image.PackedPixels;

import java.nio.FloatBuffer;

/**
 * fr_liveness's preprocessing: the face box made square (side = its height, same centre), a
 * window 2.7 times that size around it shifted inside the frame, resized to 128 px as OpenCV's
 * bilinear resize does, in BGR order (the model was trained on OpenCV's channel order; RGB input
 * collapses it), raw 0–255 NCHW. Output: the live probability, softmax class 0 of 3.
 */
final class FrLivenessTranslator implements NoBatchifyTranslator<FaceInFrame, Float> {

    static final int INPUT_SIZE = 128;
    private static final double CONTEXT = 2.7;

    @Override
    public NDList processInput(TranslatorContext ctx, FaceInFrame input) {
        PackedPixels frame = input.frame();
        DetectedFace face = input.face();
        float side = face.height();
        float cx = (face.x1() + face.x2()) / 2;
        float cy = (face.y1() + face.y2()) / 2;
        int x = (int) Math.max(0, cx - side / 2);
        int y = (int) Math.max(0, cy - side / 2);
        int s = Math.max(1, (int) side);
        CropWindow window = CropWindow.of(frame.width(), frame.height(), x, y, s, s, CONTEXT);
        byte[] bgr = OpenCvLinearResize.resizeToBgr(frame, window, INPUT_SIZE, INPUT_SIZE);
        int plane = INPUT_SIZE * INPUT_SIZE;
        float[] chw = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + i] = bgr[3 * i + c] & 0xff;
            }
        }
        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(chw), new Shape(1, 3, INPUT_SIZE, INPUT_SIZE)));
    }

    @Override
    public Float processOutput(TranslatorContext ctx, NDList list) {
        float[] logits = list.get(0).toFloatArray();
        double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        return (float) (Math.exp(logits[0] - max) / sum);
    }
}
