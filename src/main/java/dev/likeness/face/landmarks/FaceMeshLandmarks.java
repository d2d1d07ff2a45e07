package dev.likeness.face.landmarks;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.translate.TranslateException;
import dev.likeness.face.DetectedFace;
import dev.likeness.runtime.tfjs.GraphEngine;
import dev.likeness.runtime.tfjs.TfjsGraphModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Dense landmarks with MediaPipe FaceMesh (human/facemesh.json, 192x192 input, 468 points with
 * depth), placed from a BlazeFace detection. Thread-safe: the model loads once and each call uses
 * its own predictor.
 */
public final class FaceMeshLandmarks implements AutoCloseable {

    /** Face score, then the 468 x 3 mesh; the model's 266-value contour output is not used. */
    private static final List<String> OUTPUTS = List.of("Identity_1", "Identity_2");

    private final Model model;
    private final FaceMeshTranslator translator = new FaceMeshTranslator();

    private FaceMeshLandmarks(Model model) {
        this.model = model;
    }

    /** Loads {@code human/facemesh.json} from the models directory. */
    public static FaceMeshLandmarks load(Path modelsDir, GraphEngine engine) throws IOException {
        return new FaceMeshLandmarks(TfjsGraphModel.load(modelsDir.resolve("human/facemesh.json"), OUTPUTS, engine));
    }

    /** @param face a face BlazeFace found in {@code image} */
    public FaceMesh locate(Image image, DetectedFace face) {
        return run(image, MeshCrop.around(face));
    }

    /**
     * The mesh again, from a crop placed by an earlier mesh of the same face: in the same image it
     * sharpens a first estimate, in the next video frame it follows the face without detection.
     */
    public FaceMesh refine(Image image, FaceMesh earlier) {
        return run(image, MeshCrop.around(earlier));
    }

    private FaceMesh run(Image image, MeshCrop crop) {
        try (Predictor<FaceMeshTranslator.Input, FaceMesh> predictor = model.newPredictor(translator)) {
            return predictor.predict(new FaceMeshTranslator.Input(image, crop));
        } catch (TranslateException e) {
            throw new IllegalStateException("face landmark inference failed", e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
