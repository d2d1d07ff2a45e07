package dev.likeness.face.embed;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

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
        Criteria<Image, float[]> criteria = Criteria.builder()
                .setTypes(Image.class, float[].class)
                .optModelPath(facepluginDir)
                .optModelName(FILE.substring(0, FILE.length() - ".onnx".length()))
                .optEngine("OnnxRuntime")
                .optTranslator(new MobileFaceNetTranslator())
                .optOption("intraOpNumThreads", "1")
                .optOption("interOpNumThreads", "1")
                .build();
        try {
            return new MobileFaceNetDescriptor(criteria.loadModel());
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException("fr_feature could not be loaded from " + facepluginDir + ": " + e.getMessage(), e);
        }
    }

    /** The raw (not normalised) descriptor of an aligned {@value ArcFaceAligner#CHIP_SIZE} px chip. */
    public float[] describe(Image alignedChip) {
        try (Predictor<Image, float[]> predictor = model.newPredictor()) {
            return predictor.predict(alignedChip);
        } catch (TranslateException e) {
            throw new IllegalStateException("face descriptor inference failed", e);
        }
    }

    /** The mean of the chip's descriptor and its mirror image's. */
    public float[] describeWithMirror(Image alignedChip) {
        float[] a = describe(alignedChip);
        float[] b = describe(Mirror.of(alignedChip));
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

    private static final class Mirror {
        static Image of(Image chip) {
            int[] rgb = ImagePixels.of(chip).rgb();
            int w = chip.getWidth();
            int[] out = new int[rgb.length];
            for (int y = 0; y < chip.getHeight(); y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = rgb[y * w + (w - 1 - x)] | 0xff000000;
                }
            }
            return ai.djl.modality.cv.ImageFactory.getInstance().fromPixels(out, w, chip.getHeight());
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
