package dev.likeness.face.landmarks;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.likeness.face.DetectedFace;
import dev.likeness.runtime.OnnxModels;
import dev.likeness.runtime.image.CropWindow;
import dev.likeness.runtime.image.PackedPixels;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The 68 face points from faceplugin's fr_landmark (64x64 grey input, run by OnnxRuntime, well
 * under a millisecond) inside a detector's box. Tied with FaceMesh's points for recognition on
 * the development split at a twentieth of FaceMesh's cost. Thread-safe: a predictor per call.
 */
public final class Landmarks68Locator implements AutoCloseable {

    public static final String FILE = "fr_landmark.onnx";

    private final ZooModel<FaceBox, float[]> model;

    private Landmarks68Locator(ZooModel<FaceBox, float[]> model) {
        this.model = model;
    }

    /** The box's pixels and where they sit in the photo. */
    record FaceBox(PackedPixels pixels, CropWindow window) {
    }

    /** @param facepluginDir directory holding {@value #FILE} */
    public static Landmarks68Locator load(Path facepluginDir) throws IOException {
        return new Landmarks68Locator(OnnxModels.load(facepluginDir, FILE, FaceBox.class, float[].class,
                new Landmarks68Translator()));
    }

    public Landmarks68 locate(BufferedImage image, DetectedFace face) {
        CropWindow window = boxInside(face, image.getWidth(), image.getHeight());
        try (Predictor<FaceBox, float[]> predictor = model.newPredictor()) {
            float[] unit = predictor.predict(new FaceBox(PackedPixels.window(image, window), window));
            float[] xy = new float[unit.length];
            for (int i = 0; i < unit.length; i += 2) {
                xy[i] = unit[i] * window.width() + window.left();
                xy[i + 1] = unit[i + 1] * window.height() + window.top();
            }
            return new Landmarks68(xy);
        } catch (TranslateException e) {
            throw new IllegalStateException("face landmark inference failed", e);
        }
    }

    /**
     * The box truncated to whole pixels and, where it fits, shifted inside the photo as the model's
     * own crop does; a box larger than the photo (a face seen only inside a black frame) keeps its
     * place and reads black beyond the edges.
     */
    private static CropWindow boxInside(DetectedFace face, int width, int height) {
        int x = (int) face.x1();
        int y = (int) face.y1();
        int w = Math.max(1, (int) face.x2() - x);
        int h = Math.max(1, (int) face.y2() - y);
        if (w <= width) {
            x = Math.max(0, Math.min(x, width - w));
        }
        if (h <= height) {
            y = Math.max(0, Math.min(y, height - h));
        }
        return new CropWindow(x, y, x + w - 1, y + h - 1);
    }

    @Override
    public void close() {
        model.close();
    }
}
