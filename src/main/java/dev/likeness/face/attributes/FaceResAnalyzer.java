package dev.likeness.face.attributes;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.translate.TranslateException;
import dev.likeness.face.DetectedFace;
import dev.likeness.face.detect.FaceRegion;
import dev.likeness.runtime.tfjs.GraphEngine;
import dev.likeness.runtime.tfjs.TfjsGraphModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Age, gender and a 1024-d face descriptor from HSE FaceRes (human/faceres.json, a MobileNet at
 * 224x224), with @vladmandic/human's crop and decoding. Thread-safe: the model loads once and each
 * call uses its own predictor.
 */
public final class FaceResAnalyzer implements AutoCloseable {

    private static final List<String> OUTPUTS = List.of("gender_pred/Sigmoid", "age_pred/Softmax", "global_pooling/Mean");

    private final Model model;
    private final FaceResTranslator translator = new FaceResTranslator();

    private FaceResAnalyzer(Model model) {
        this.model = model;
    }

    /** Loads {@code human/faceres.json} from the models directory. */
    public static FaceResAnalyzer load(Path modelsDir, GraphEngine engine) throws IOException {
        return new FaceResAnalyzer(TfjsGraphModel.load(modelsDir.resolve("human/faceres.json"), OUTPUTS, engine));
    }

    /** @param face a face BlazeFace found in {@code image} */
    public FaceAttributes analyze(Image image, DetectedFace face) {
        try (Predictor<FaceRegion, FaceAttributes> predictor = model.newPredictor(translator)) {
            return predictor.predict(new FaceRegion(image, face));
        } catch (TranslateException e) {
            throw new IllegalStateException("face analysis failed", e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
