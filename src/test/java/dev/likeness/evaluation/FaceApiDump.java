package dev.likeness.evaluation;

import ai.djl.modality.cv.Image;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.face.DetectedFace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Faces from a JSON dump of face-api's SSD detector and 68-point landmarks, run once in node on
 * the eval photos (file named by system property {@code likeness.eval.faces}; not part of the
 * repository). The 68 points are reduced to BlazeFace's six keypoints: eye contour centres, nose
 * tip (point 30), mouth contour centre, and the jaw ends (points 0 and 16) for the ears.
 */
public final class FaceApiDump implements EvalFaces {

    public static final String PROPERTY = "likeness.eval.faces";

    private final JsonNode faces;

    private FaceApiDump(JsonNode faces) {
        this.faces = faces;
    }

    /** The dump named by {@value #PROPERTY} (default /tmp/likeness-faceapi-dump.json), if present. */
    public static Optional<EvalFaces> fromSystemProperty() {
        Path file = Path.of(System.getProperty(PROPERTY, "/tmp/likeness-faceapi-dump.json"));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FaceApiDump(new ObjectMapper().readTree(file.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<DetectedFace> mainFace(String evalPath, Image image) {
        JsonNode face = faces.get(evalPath);
        if (face == null || face.isNull()) {
            return Optional.empty();
        }
        if (face.get("w").asInt() != image.getWidth() || face.get("h").asInt() != image.getHeight()) {
            throw new IllegalStateException("dump was made on a differently sized image: " + evalPath);
        }
        JsonNode box = face.get("box");
        JsonNode marks = face.get("landmarks");
        float[] keypoints = new float[12];
        put(keypoints, DetectedFace.RIGHT_EYE, mean(marks, 36, 42));
        put(keypoints, DetectedFace.LEFT_EYE, mean(marks, 42, 48));
        put(keypoints, DetectedFace.NOSE, mean(marks, 30, 31));
        put(keypoints, DetectedFace.MOUTH, mean(marks, 48, 68));
        put(keypoints, DetectedFace.RIGHT_EAR, mean(marks, 0, 1));
        put(keypoints, DetectedFace.LEFT_EAR, mean(marks, 16, 17));
        return Optional.of(new DetectedFace((float) box.get(0).asDouble(), (float) box.get(1).asDouble(),
                (float) box.get(2).asDouble(), (float) box.get(3).asDouble(), (float) face.get("score").asDouble(),
                keypoints));
    }

    private static double[] mean(JsonNode marks, int from, int to) {
        double x = 0, y = 0;
        for (int i = from; i < to; i++) {
            x += marks.get(i).get(0).asDouble();
            y += marks.get(i).get(1).asDouble();
        }
        return new double[] {x / (to - from), y / (to - from)};
    }

    private static void put(float[] keypoints, int index, double[] point) {
        keypoints[2 * index] = (float) point[0];
        keypoints[2 * index + 1] = (float) point[1];
    }
}
