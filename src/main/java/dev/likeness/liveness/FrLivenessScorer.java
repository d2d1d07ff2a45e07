package dev.likeness.liveness;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.likeness.face.DetectedFace;
import dev.likeness.liveness.MiniFasNetTranslator.FaceInFrame;
import dev.likeness.runtime.OnnxModels;
import dev.likeness.runtime.image.PackedPixels;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Passive anti-spoofing with faceplugin's fr_liveness (a MiniFASNet-like net retrained at 128 px,
 * run by OnnxRuntime), fetched by the build, so passive liveness works without operator-installed
 * weights. Thread-safe: a predictor per call.
 */
public final class FrLivenessScorer implements AutoCloseable {

    public static final String FILE = "fr_liveness.onnx";

    private final ZooModel<FaceInFrame, Float> model;

    private FrLivenessScorer(ZooModel<FaceInFrame, Float> model) {
        this.model = model;
    }

    /** @param facepluginDir directory holding {@value #FILE} */
    public static FrLivenessScorer load(Path facepluginDir) throws IOException {
        return new FrLivenessScorer(OnnxModels.load(facepluginDir, FILE, FaceInFrame.class, Float.class,
                new FrLivenessTranslator()));
    }

    /** Live probability, 0–1, of {@code face} in the whole camera frame {@code image}. */
    public float realScore(Image image, DetectedFace face) {
        try (Predictor<FaceInFrame, Float> predictor = model.newPredictor()) {
            return predictor.predict(new FaceInFrame(PackedPixels.of(image), face));
        } catch (TranslateException e) {
            throw new IllegalStateException("fr_liveness inference failed", e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
