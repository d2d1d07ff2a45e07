package dev.likeness.face.embed;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.likeness.runtime.image.PackedPixels;

import java.nio.FloatBuffer;

/**
 * fr_feature's input: an aligned {@value ArcFaceAligner#CHIP_SIZE} px RGB chip as (v - 127) / 128,
 * NCHW, batch 1 (the graph's batch is fixed); its output is the raw 512-d descriptor. The tensor is
 * filled in Java because OnnxRuntime's NDArrays support few operations.
 */
final class MobileFaceNetTranslator implements NoBatchifyTranslator<Image, float[]> {

    @Override
    public NDList processInput(TranslatorContext ctx, Image chip) {
        int size = ArcFaceAligner.CHIP_SIZE;
        if (chip.getWidth() != size || chip.getHeight() != size) {
            throw new IllegalArgumentException("face chip must be " + size + " px square, got "
                    + chip.getWidth() + "x" + chip.getHeight());
        }
        int[] rgb = PackedPixels.of(chip).toArray();
        int plane = size * size;
        float[] chw = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            chw[i] = (((p >> 16) & 0xff) - 127f) / 128f;
            chw[plane + i] = (((p >> 8) & 0xff) - 127f) / 128f;
            chw[2 * plane + i] = ((p & 0xff) - 127f) / 128f;
        }
        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(chw), new Shape(1, 3, size, size)));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.get(0).toFloatArray();
    }
}
