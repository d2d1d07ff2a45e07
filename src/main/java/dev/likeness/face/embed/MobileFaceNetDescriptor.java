package dev.likeness.face.embed;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.likeness.runtime.OnnxModels;

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

    @Override
    public void close() {
        model.close();
    }
}
