package dev.likeness.runtime.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three face graphs on seeded random input, on either engine, against TF.js CPU outputs. */
class TfjsModelGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"blazeface,ONNX_RUNTIME", "facemesh,ONNX_RUNTIME", "faceres,ONNX_RUNTIME",
            "blazeface,PYTORCH", "facemesh,PYTORCH", "faceres,PYTORCH"})
    void modelMatchesTfjs(String name, GraphEngine engine) throws Exception {
        Path fixtures = GoldenFixtures.root().resolve("models");
        JsonNode meta = JSON.readTree(fixtures.resolve(name + ".json").toFile());
        Path modelsDir = Path.of(System.getProperty("likeness.models.dir", "target/models"));
        List<String> outputs = new ArrayList<>();
        meta.path("outputs").forEach(o -> outputs.add(o.path("name").asText()));
        long[] shape = new long[meta.path("shape").size()];
        int count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = meta.path("shape").get(i).asLong();
            count *= (int) shape[i];
        }
        float[] input = GoldenFixtures.mulberry32(meta.path("seed").asInt(), count,
                meta.path("low").asDouble(), meta.path("high").asDouble());

        try (Model model = TfjsGraphModel.load(modelsDir.resolve(meta.path("model").asText()), outputs, engine);
                Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
                NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDList out = predictor.predict(new NDList(manager.create(input, new Shape(shape))));
            for (int i = 0; i < outputs.size(); i++) {
                JsonNode o = meta.path("outputs").get(i);
                float[] expected = readF32(fixtures.resolve(o.path("file").asText()));
                long[] expectedShape = new long[o.path("shape").size()];
                for (int d = 0; d < expectedShape.length; d++) {
                    expectedShape[d] = o.path("shape").get(d).asLong();
                }
                assertArrayEquals(expectedShape, out.get(i).getShape().getShape(), name + " " + outputs.get(i));
                float err = GoldenFixtures.maxAbsDiff(expected, out.get(i).toFloatArray());
                float scale = Math.max(1f, GoldenFixtures.maxAbs(expected));
                System.out.printf("golden model %s/%s on %s: max abs error %.3g (max |value| %.3g)%n",
                        name, outputs.get(i), engine, err, GoldenFixtures.maxAbs(expected));
                assertTrue(err <= 1e-3f * scale, name + " " + outputs.get(i) + ": max abs error " + err);
            }
        }
    }

    private static float[] readF32(Path file) throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[buf.remaining() / 4];
        buf.asFloatBuffer().get(out);
        return out;
    }
}
