package dev.likeness.face.detect;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.likeness.face.DetectedFace;
import dev.likeness.runtime.OnnxModels;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds faces with faceplugin's fr_detect (an Ultra-Light-Fast-Generic-Face-Detector RFB-320, run
 * by OnnxRuntime): the whole photo stretched to 320x240, about 2 ms. Its smallest anchors are 10 px
 * of that input, so a face under about a thirtieth of the photo's width goes unseen; callers fall
 * back to {@link BlazeFaceDetector}'s tiled search when this finds nothing. Boxes are square (side =
 * the detected height, same centre) and clipped to the image, as the recognition recipe expects.
 * Thread-safe: a predictor per call.
 */
public final class UltraLightFaceDetector implements AutoCloseable {

    public static final String FILE = "fr_detect.onnx";

    private final ZooModel<BufferedImage, List<DetectedFace>> model;

    private UltraLightFaceDetector(ZooModel<BufferedImage, List<DetectedFace>> model) {
        this.model = model;
    }

    /** @param facepluginDir directory holding {@value #FILE} */
    public static UltraLightFaceDetector load(Path facepluginDir) throws IOException {
        @SuppressWarnings("unchecked")
        Class<List<DetectedFace>> faces = (Class<List<DetectedFace>>) (Class<?>) List.class;
        return new UltraLightFaceDetector(OnnxModels.load(facepluginDir, FILE, BufferedImage.class, faces,
                new UltraLightTranslator()));
    }

    /** @return faces in the image's pixel coordinates, largest first; empty when none is found */
    public List<DetectedFace> detect(BufferedImage image) {
        try (Predictor<BufferedImage, List<DetectedFace>> predictor = model.newPredictor()) {
            return predictor.predict(image);
        } catch (TranslateException e) {
            throw new IllegalStateException("face detection failed", e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
