package dev.likeness.face.landmarks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Feeds FaceMesh its 192 px crop in 0–1 RGB (as @vladmandic/human's facemesh.ts) and maps the
 * answer, in crop pixels, back into the image through the crop's rotation and scale. Depth is
 * scaled like x and y so all three share the image's pixel unit. Outputs read: face score [1,1],
 * mesh [1,1404].
 */
final class FaceMeshTranslator implements NoBatchifyTranslator<FaceMeshTranslator.Input, FaceMesh> {

    static final int SIZE = 192;

    record Input(ai.djl.modality.cv.Image image, MeshCrop crop) {
    }

    private static final String CROP = "crop";

    @Override
    public NDList processInput(TranslatorContext ctx, Input input) {
        ctx.setAttachment(CROP, input.crop());
        float[] rgb = input.crop().sample(input.image(), SIZE);
        return new NDList(ctx.getNDManager().create(rgb, new Shape(1, SIZE, SIZE, 3)));
    }

    @Override
    public FaceMesh processOutput(TranslatorContext ctx, NDList outputs) {
        MeshCrop crop = (MeshCrop) ctx.getAttachment(CROP);
        float confidence = outputs.get(0).toFloatArray()[0];
        float[] raw = outputs.get(1).toFloatArray();
        double scale = crop.side() / SIZE;
        float[] points = new float[raw.length];
        for (int i = 0; i < raw.length; i += 3) {
            points[i] = (float) crop.imageX(raw[i], raw[i + 1]);
            points[i + 1] = (float) crop.imageY(raw[i], raw[i + 1]);
            points[i + 2] = (float) (raw[i + 2] * scale);
        }
        return new FaceMesh(points, confidence);
    }
}
