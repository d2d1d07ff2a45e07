package dev.likeness.face.landmarks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.likeness.face.landmarks.Landmarks68Locator.FaceBox;
import dev.likeness.runtime.image.BoxThenBilinear;
import dev.likeness.runtime.image.Luma;

import java.nio.FloatBuffer;

/**
 * fr_landmark's input: the box resized to 64x64 (box-averaged by the whole factor, then bilinear),
 * rounded to 8 bits, Rec. 601 grey rounded, divided by 256; NCHW [1, 1, 64, 64]. Output: 68 (x, y)
 * pairs in 0–1 of the box.
 */
final class Landmarks68Translator implements NoBatchifyTranslator<FaceBox, float[]> {

    static final int SIZE = 64;

    @Override
    public NDList processInput(TranslatorContext ctx, FaceBox box) {
        int[] rgb = BoxThenBilinear.resize(box.pixels(), SIZE, SIZE);
        float[] grey = new float[SIZE * SIZE];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = Math.round(Luma.of(rgb[i])) / 256f;
        }
        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(grey), new Shape(1, 1, SIZE, SIZE)));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.get(0).toFloatArray();
    }
}
