package dev.likeness.liveness;

import dev.likeness.NeedsSharedData;
import dev.likeness.runtime.image.CropWindow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.evaluation.EvalPhotoReader;
import dev.likeness.face.DetectedFace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both MiniFASNet models against the NumPy reference forward pass (src/test/minifasnet) on the
 * same fixed 80x80 crop, and the crop window against the reference's {@code _get_new_box}.
 */
@NeedsSharedData
class MiniFasNetGoldenTest {

    private static MiniFasNetScorer scorer;
    private static JsonNode expected;

    @BeforeAll
    static void load() throws IOException {
        scorer = MiniFasNetScorer.load(weightsDir());
        try (InputStream json = resource("expected.json")) {
            expected = new ObjectMapper().readTree(json);
        }
    }

    @AfterAll
    static void close() {
        scorer.close();
    }

    static Path weightsDir() {
        return EvalPhotoReader.sharedDir().resolve("models/minifasnet");
    }

    @Test
    void matchesNumpyReference() throws IOException {
        Image crop = goldenCrop();
        // A box whose window is exactly the 80x80 frame, so the crop reaches the network unresampled.
        DetectedFace wholeFrame = new DetectedFace(0, 0, 79, 79, 1, new float[12]);
        for (MiniFasNetVariant variant : MiniFasNetVariant.values()) {
            // The NumPy reference reads the .npz export of the same tensors (bit-identical, see LegacyTorchCheckpointTest).
            String npz = variant == MiniFasNetVariant.V2 ? "MiniFASNetV2_2.7.npz" : "MiniFASNetV1SE_4.0.npz";
            JsonNode reference = expected.get("models").get(npz).get("softmax");
            float[] actual = scorer.classProbabilities(variant, crop, wholeFrame);
            double maxError = 0;
            for (int i = 0; i < 3; i++) {
                maxError = Math.max(maxError, Math.abs(actual[i] - reference.get(i).asDouble()));
            }
            System.out.printf("%s vs NumPy reference: max abs softmax error %.3g%n", variant, maxError);
            assertTrue(maxError < 1e-5, variant + " max abs error " + maxError);
        }
    }

    @Test
    void cropWindowMatchesUpstreamBoxLogic() {
        for (JsonNode c : expected.get("boxCases")) {
            JsonNode b = c.get("bbox");
            CropWindow window = CropWindow.of(c.get("srcW").asInt(), c.get("srcH").asInt(), b.get(0).asInt(),
                    b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt(), c.get("scale").asDouble());
            JsonNode e = c.get("expected");
            assertEquals(new CropWindow(e.get(0).asInt(), e.get(1).asInt(), e.get(2).asInt(), e.get(3).asInt()), window,
                    c.toString());
        }
    }

    @Test
    void concurrentCallsGiveTheSameScore() throws Exception {
        Image crop = goldenCrop();
        DetectedFace wholeFrame = new DetectedFace(0, 0, 79, 79, 1, new float[12]);
        float reference = scorer.realScore(crop, wholeFrame);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Float>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> scorer.realScore(crop, wholeFrame)));
            }
            for (Future<Float> result : results) {
                assertEquals(reference, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void reportsMissingWeights() throws IOException {
        Path nowhere = Path.of("target/no-such-minifasnet-dir");
        assertEquals(false, MiniFasNetScorer.isInstalled(nowhere));
        assertTrue(MiniFasNetScorer.loadIfInstalled(nowhere).isEmpty());
        assertTrue(MiniFasNetScorer.isInstalled(weightsDir()));
    }

    private static Image goldenCrop() throws IOException {
        byte[] bgr;
        try (InputStream in = resource("input-80x80.bgr")) {
            bgr = in.readAllBytes();
        }
        int[] argb = new int[80 * 80];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (bgr[3 * i + 2] & 0xff) << 16 | (bgr[3 * i + 1] & 0xff) << 8 | (bgr[3 * i] & 0xff);
        }
        return ImageFactory.getInstance().fromPixels(argb, 80, 80);
    }

    private static InputStream resource(String name) {
        return MiniFasNetGoldenTest.class.getResourceAsStream("/minifasnet-golden/" + name);
    }
}
