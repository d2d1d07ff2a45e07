package dev.likeness.face.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.evaluation.EvalPhotoReader;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java network against face-api's own forward pass (TF.js CPU backend) on the same 150x150
 * input; the fixture comes from src/test/faceapi/make-golden.cjs.
 */
class DlibFaceDescriptorGoldenTest {

    private static DlibFaceDescriptor descriptor;

    @BeforeAll
    static void load() throws IOException {
        descriptor = DlibFaceDescriptor.load(EvalPhotoReader.modelsDir().resolve("faceapi"));
    }

    @AfterAll
    static void close() {
        descriptor.close();
    }

    @Test
    void matchesFaceApiForwardPass() throws IOException {
        byte[] rgb;
        JsonNode expected;
        try (InputStream in = resource("input-150x150.rgb"); InputStream json = resource("expected.json")) {
            rgb = in.readAllBytes();
            expected = new ObjectMapper().readTree(json).get("descriptor");
        }
        int[] argb = new int[150 * 150];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
        }
        Image chip = ImageFactory.getInstance().fromPixels(argb, 150, 150);

        float[] actual = descriptor.describe(chip);

        assertEquals(expected.size(), actual.length);
        double maxError = 0;
        for (int i = 0; i < actual.length; i++) {
            maxError = Math.max(maxError, Math.abs(actual[i] - expected.get(i).asDouble()));
        }
        System.out.printf("dlib descriptor vs face-api (tfjs cpu): max abs error %.3g%n", maxError);
        assertTrue(maxError < 1e-5, "max abs error " + maxError);
    }

    private static InputStream resource(String name) {
        return DlibFaceDescriptorGoldenTest.class.getResourceAsStream("/faceapi-golden/" + name);
    }
}
