package dev.likeness.runtime.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed TF.js graph model: the nodes of {@code modelTopology} and the decoded weights of
 * {@code weightsManifest}. Immutable once read.
 *
 * @param nodes all nodes by name, in file order
 * @param weights constants by node name
 * @param signatureOutputs output node names from the model signature (may be empty)
 */
public record GraphDef(Map<String, GraphNode> nodes, Map<String, WeightTensor> weights, List<String> signatureOutputs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code model.json} and the weight shards it names (resolved next to it). */
    public static GraphDef read(Path modelJson) throws IOException {
        JsonNode root = JSON.readTree(modelJson.toFile());
        if (!"graph-model".equals(root.path("format").asText("graph-model"))) {
            throw new IOException(modelJson + " is not a TF.js graph model");
        }
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        for (JsonNode n : root.path("modelTopology").path("node")) {
            GraphNode node = GraphNode.fromJson(n);
            nodes.put(node.name(), node);
        }
        if (root.path("modelTopology").path("library").path("function").size() > 0) {
            throw new IOException(modelJson + " uses graph functions (control flow), which are not supported");
        }
        Map<String, WeightTensor> weights = WeightsDecoder.read(root.path("weightsManifest"),
                modelJson.toAbsolutePath().getParent());
        return new GraphDef(Collections.unmodifiableMap(nodes), Collections.unmodifiableMap(weights), signatureOutputs(root));
    }

    private static List<String> signatureOutputs(JsonNode root) {
        JsonNode sig = root.path("signature");
        if (sig.isMissingNode()) {
            sig = root.path("userDefinedMetadata").path("signature");
        }
        List<String> out = new ArrayList<>();
        sig.path("outputs").forEach(o -> out.add(stripIndex(o.path("name").asText())));
        return out;
    }

    private static String stripIndex(String tensorName) {
        int colon = tensorName.lastIndexOf(':');
        return colon > 0 ? tensorName.substring(0, colon) : tensorName;
    }

    public GraphNode node(String name) {
        GraphNode n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node named " + name);
        }
        return n;
    }

    /** Placeholder node names, in file order. */
    public List<String> placeholders() {
        return nodes.values().stream().filter(n -> n.op().equals("Placeholder")).map(GraphNode::name).toList();
    }
}
