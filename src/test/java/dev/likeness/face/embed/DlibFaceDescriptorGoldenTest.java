package dev.likeness.face.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.evaluation.EvalPhotoReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        JsonNode expected;
        try (InputStream json = resource("expected.json")) {
            expected = new ObjectMapper().readTree(json).get("descriptor");
        }

        float[] actual = descriptor.describe(goldenChip());

        assertEquals(expected.size(), actual.length);
        double maxError = 0;
        for (int i = 0; i < actual.length; i++) {
            maxError = Math.max(maxError, Math.abs(actual[i] - expected.get(i).asDouble()));
        }
        System.out.printf("dlib descriptor vs face-api (tfjs cpu): max abs error %.3g%n", maxError);
        assertTrue(maxError < 1e-5, "max abs error " + maxError);
    }

    @Test
    void concurrentCallsGiveTheSameDescriptor() throws Exception {
        Image chip = goldenChip();
        float[] reference = descriptor.describe(chip);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> descriptor.describe(chip)));
            }
            for (Future<float[]> result : results) {
                assertArrayEquals(reference, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Image goldenChip() throws IOException {
        byte[] rgb;
        try (InputStream in = resource("input-150x150.rgb")) {
            rgb = in.readAllBytes();
        }
        int[] argb = new int[150 * 150];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
        }
        return ImageFactory.getInstance().fromPixels(argb, 150, 150);
    }

    private static InputStream resource(String name) {
        return DlibFaceDescriptorGoldenTest.class.getResourceAsStream("/faceapi-golden/" + name);
    }
}
