package dev.likeness.face.embed;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.likeness.runtime.OnnxModels;
import dev.likeness.runtime.image.PackedPixels;

import java.io.IOException;
import java.nio.file.Path;

/**
 * 512-d face descriptor from faceplugin's fr_feature (a MobileFaceNet, run by OnnxRuntime) on an
 * ArcFace-aligned 112 px chip. Compared by cosine. Loads once; {@link #describe} is safe from many
 * threads (a predictor per call, one OnnxRuntime thread each: parallelism comes from requests).
 */
public final class MobileFaceNetDescriptor implements AutoCloseable {

    public static final String FILE = "fr_feature.onnx";
    public static final int DIMENSIONS = 512;

    private final ZooModel<Image, float[]> model;

    private MobileFaceNetDescriptor(ZooModel<Image, float[]> model) {
        this.model = model;
    }

    /** @param facepluginDir directory holding {@value #FILE} */
    public static MobileFaceNetDescriptor load(Path facepluginDir) throws IOException {
        return new MobileFaceNetDescriptor(OnnxModels.load(facepluginDir, FILE, Image.class, float[].class,
                new MobileFaceNetTranslator()));
    }

    /** The raw (not normalised) descriptor of an aligned {@value ArcFaceAligner#CHIP_SIZE} px chip. */
    public float[] describe(Image alignedChip) {
        try (Predictor<Image, float[]> predictor = model.newPredictor()) {
            return predictor.predict(alignedChip);
        } catch (TranslateException e) {
            throw new IllegalStateException("face descriptor inference failed", e);
        }
    }

    /**
     * The sum of the unit descriptors of the chip and its mirror image: a face and its mirror are
     * the same person, so this cancels part of the pose and lighting asymmetry (measured on the
     * dev split: TAR at FAR 1e-4 96.1 % to 96.5 %, FNMR at score 70 8.5 % to 7.8 %) for ~9 ms.
     */
    public float[] describeWithMirror(Image alignedChip) {
        float[] a = describe(alignedChip);
        float[] b = describe(mirrored(alignedChip));
        double na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] / Math.sqrt(na) + b[i] / Math.sqrt(nb));
        }
        return out;
    }

    private static Image mirrored(Image chip) {
        int[] rgb = PackedPixels.of(chip).rgb();
        int w = chip.getWidth();
        int[] out = new int[rgb.length];
        for (int y = 0; y < chip.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = rgb[y * w + (w - 1 - x)] | 0xff000000;
            }
        }
        return ImageFactory.getInstance().fromPixels(out, w, chip.getHeight());
    }

    @Override
    public void close() {
        model.close();
    }
}
