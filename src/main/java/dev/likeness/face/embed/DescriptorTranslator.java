package dev.likeness.face.embed;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * face-api's input normalisation for the recognition net: RGB minus dlib's mean colour, divided by
 * 255 (in that order, in float32, as TF.js does), laid out NCHW for PyTorch. The chip must already
 * be {@value DlibFaceDescriptor#CHIP_SIZE} pixels square; resizing is the aligner's job.
 */
final class DescriptorTranslator implements NoBatchifyTranslator<Image, float[]> {

    private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    private final boolean withMirror;

    /**
     * @param withMirror also describe the left-right mirrored chip (one batch of two) and answer
     *     the mean of both descriptors
     */
    DescriptorTranslator(boolean withMirror) {
        this.withMirror = withMirror;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image chip) {
        if (chip.getWidth() != DlibFaceDescriptor.CHIP_SIZE || chip.getHeight() != DlibFaceDescriptor.CHIP_SIZE) {
            throw new IllegalArgumentException("face chip must be " + DlibFaceDescriptor.CHIP_SIZE + " px square, got "
                    + chip.getWidth() + "x" + chip.getHeight());
        }
        NDArray rgb = chip.toNDArray(ctx.getNDManager(), Image.Flag.COLOR).toType(DataType.FLOAT32, false);
        NDArray normalized = rgb.sub(ctx.getNDManager().create(MEAN_RGB)).div(255f);
        NDArray chw = normalized.transpose(2, 0, 1);
        return new NDList(withMirror ? NDArrays.stack(new NDList(chw, chw.flip(2))) : chw.expandDims(0));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.singletonOrThrow().mean(new int[] {0}).toFloatArray();
    }
}
