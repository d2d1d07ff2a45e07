package dev.likeness.runtime.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.runtime.OnnxModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every one-op graph from make-goldens.mjs, on either engine, against TF.js CPU outputs. */
class TfjsOpGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float TOLERANCE = 1e-4f;

    @TestFactory
    Stream<DynamicTest> opCasesMatchTfjsOnPyTorch() throws IOException {
        return cases().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir, GraphEngine.PYTORCH)));
    }

    /** The same graphs translated to ONNX: every op the translator knows, beyond the three models' ops. */
    @TestFactory
    Stream<DynamicTest> opCasesMatchTfjsOnOnnxRuntime() throws IOException {
        return cases().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir, GraphEngine.ONNX_RUNTIME)));
    }

    private static Stream<Path> cases() throws IOException {
        Path ops = GoldenFixtures.root().resolve("ops");
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(ops)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() > 40, "fixtures missing");
        return cases.stream();
    }

    private static void runCase(Path dir, GraphEngine engine) throws IOException {
        GraphDef graph = GraphDef.read(dir.resolve("model.json"));
        JsonNode io = JSON.readTree(dir.resolve("io.json").toFile());
        List<String> inputNames = new ArrayList<>();
        io.path("inputs").forEach(i -> inputNames.add(i.path("name").asText()));
        List<String> outputNames = new ArrayList<>();
        io.path("outputs").forEach(o -> outputNames.add(o.path("name").asText()));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDList inputs = new NDList();
            for (JsonNode in : io.path("inputs")) {
                inputs.add(manager.create(floats(in.path("data")), shape(in.path("shape"))));
            }
            NDList out;
            Model onnx = null;
            if (engine == GraphEngine.PYTORCH) {
                TfjsGraphBlock block = new TfjsGraphBlock(graph, manager, inputNames, outputNames);
                out = block.forward(new ParameterStore(manager, false), inputs, false);
            } else {
                onnx = OnnxModels.load(dir.getFileName().toString(), TfjsToOnnx.translate(graph, inputNames, outputNames));
                try (Predictor<NDList, NDList> predictor = onnx.newPredictor(new NoopTranslator())) {
                    out = predictor.predict(inputs);
                } catch (TranslateException e) {
                    throw new IOException(e);
                }
            }
            try {
                for (int i = 0; i < outputNames.size(); i++) {
                    JsonNode expected = io.path("outputs").get(i);
                    NDArray actual = out.get(i);
                    assertArrayEquals(shape(expected.path("shape")).getShape(), actual.getShape().getShape(),
                            dir.getFileName() + " output shape");
                    float err = GoldenFixtures.maxAbsDiff(floats(expected.path("data")), actual.toFloatArray());
                    System.out.printf("golden op %-40s on %-12s max abs error %.3g%n", dir.getFileName() + "/" + outputNames.get(i), engine, err);
                    assertTrue(err <= TOLERANCE, dir.getFileName() + " on " + engine + ": max abs error " + err);
                }
            } finally {
                if (onnx != null) {
                    onnx.close();
                }
            }
        }
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static Shape shape(JsonNode array) {
        long[] s = new long[array.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = array.get(i).asLong();
        }
        return new Shape(s);
    }
}
