package dev.likeness.runtime.tfjs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the translation refuses rather than translate wrongly (the goldens cover what it does). */
class TfjsToOnnxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUnsupportedOpIsRefusedByName() throws Exception {
        GraphDef graph = graph("""
                [{"name": "x", "op": "Placeholder", "attr": {"shape": {"shape": {"dim": [{"size": "1"}, {"size": "4"}]}}}},
                 {"name": "y", "op": "Cumsum", "input": ["x"]}]""");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TfjsToOnnx.translate(graph, List.of("x"), List.of("y")));
        assertTrue(e.getMessage().contains("node y: op Cumsum is not supported"), e.getMessage());
    }

    @Test
    void aVectorBroadcastAgainstAnImageTensorIsRefused() throws Exception {
        // in NHWC a [C] tensor broadcasts over channels; inside the NCHW graph it would not
        GraphDef graph = graph("""
                [{"name": "x", "op": "Placeholder", "attr": {"shape": {"shape": {"dim": [{"size": "1"}, {"size": "2"}, {"size": "2"}, {"size": "3"}]}}}},
                 {"name": "v", "op": "Placeholder", "attr": {"shape": {"shape": {"dim": [{"size": "3"}]}}}},
                 {"name": "y", "op": "AddV2", "input": ["x", "v"]}]""");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TfjsToOnnx.translate(graph, List.of("x", "v"), List.of("y")));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    private static GraphDef graph(String nodes) throws Exception {
        Map<String, GraphNode> byName = new LinkedHashMap<>();
        for (var n : JSON.readTree(nodes)) {
            GraphNode node = GraphNode.fromJson(n);
            byName.put(node.name(), node);
        }
        return new GraphDef(byName, Map.of(), List.of());
    }
}
