package dev.likeness.liveness;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.likeness.face.DetectedFace;
import dev.likeness.runtime.image.CropWindow;
import dev.likeness.runtime.image.OpenCvLinearResize;
import dev.likeness.runtime.image.PackedPixels;

/**
 * Upstream's preprocessing for one model (context crop, OpenCV bilinear resize to 80x80, BGR,
 * 0-255 floats, no normalisation, NCHW) and its softmax over the three classes.
 */
final class MiniFasNetTranslator implements NoBatchifyTranslator<MiniFasNetTranslator.FaceInFrame, float[]> {

    /** The input: a frame and the face to judge in it. */
    record FaceInFrame(PackedPixels frame, DetectedFace face) {
    }

    private final double scale;

    MiniFasNetTranslator(double scale) {
        this.scale = scale;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, FaceInFrame input) {
        PackedPixels frame = input.frame();
        // Upstream's detector hands the box over as truncated [x, y, w + 1, h + 1].
        DetectedFace face = input.face();
        CropWindow window = CropWindow.of(frame.width(), frame.height(), (int) face.x1(), (int) face.y1(),
                Math.max(1, (int) (face.x2() - face.x1() + 1)), Math.max(1, (int) (face.y2() - face.y1() + 1)), scale);
        int size = MiniFasNetVariant.INPUT_SIZE;
        byte[] bgr = OpenCvLinearResize.resizeToBgr(frame, window, size, size);
        float[] chw = new float[bgr.length];
        int plane = size * size;
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + i] = bgr[3 * i + c] & 0xff;
            }
        }
        return new NDList(ctx.getNDManager().create(chw, new Shape(1, 3, size, size)));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.singletonOrThrow().softmax(-1).toFloatArray();
    }
}
