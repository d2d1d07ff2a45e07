package dev.likeness.face.attributes;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.likeness.face.detect.FaceRegion;
import dev.likeness.face.detect.HumanFaceCrop;

/**
 * Crops the face like @vladmandic/human (see {@link HumanFaceCrop}), resizes the crop with
 * {@code tf.image.resizeBilinear} to the model's 224x224, and decodes FaceRes the way its
 * faceres.ts does. Expects the outputs gender sigmoid [1,1], age softmax [1,100], descriptor [1,1024].
 */
final class FaceResTranslator implements Translator<FaceRegion, FaceAttributes> {

    private static final int SIZE = 224;

    @Override
    public NDList processInput(TranslatorContext ctx, FaceRegion region) {
        HumanFaceCrop.Crop crop = HumanFaceCrop.cut(region.image(), region.face());
        float[] input = HumanFaceCrop.resizeBilinear(crop.rgb(), HumanFaceCrop.SIZE, SIZE);
        return new NDList(ctx.getNDManager().create(input, new Shape(1, SIZE, SIZE, 3)));
    }

    @Override
    public FaceAttributes processOutput(TranslatorContext ctx, NDList outputs) {
        float male = outputs.get(0).toFloatArray()[0];
        float[] ages = outputs.get(1).toFloatArray();
        float[] descriptor = outputs.get(2).toFloatArray();
        float confidence = Math.min(0.99f, (float) Math.floor(200 * Math.abs(male - 0.5)) / 100);
        return new FaceAttributes(age(ages), male <= 0.5f ? "female" : "male", confidence, descriptor);
    }

    /**
     * human's decoding: the most likely year, nudged by ten times the probability of the likelier
     * neighbour (e.g. argmax 30 with P(29) = 0.2 gives 28.0).
     */
    static float age(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        float below = best > 0 ? p[best - 1] : 0;
        float above = best + 1 < p.length ? p[best + 1] : 0;
        double tenths = below > above ? 10.0 * best - 100.0 * below : 10.0 * best + 100.0 * above;
        return Math.round(tenths) / 10f;
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
