package dev.likeness.face.attributes;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Crops the face like @vladmandic/human (see {@link HumanFaceCrop}) and decodes FaceRes the way its
 * faceres.ts does. Expects the outputs gender sigmoid [1,1], age softmax [1,100], descriptor [1,1024].
 */
final class FaceResTranslator implements Translator<FaceRegion, FaceAttributes> {

    @Override
    public NDList processInput(TranslatorContext ctx, FaceRegion region) {
        float[] crop = HumanFaceCrop.crop(region.image(), region.face(), ctx.getNDManager());
        return new NDList(ctx.getNDManager().create(crop, new Shape(1, HumanFaceCrop.SIZE, HumanFaceCrop.SIZE, 3)));
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
