package dev.likeness.runtime.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TF.js graph model ({@code modelTopology.node[]}), with typed access to the
 * protobuf-JSON attributes the converter writes (strings are base64, integers are strings).
 *
 * @param name node name, referenced by other nodes' inputs
 * @param op TensorFlow op name, e.g. {@code _FusedConv2D}
 * @param inputs data inputs by producing node name (control inputs and {@code :0} suffixes removed)
 * @param attrs the raw {@code attr} object (never null)
 */
public record GraphNode(String name, String op, List<String> inputs, JsonNode attrs) {

    static GraphNode fromJson(JsonNode node) {
        List<String> inputs = new ArrayList<>();
        for (JsonNode in : node.path("input")) {
            String ref = in.asText();
            if (ref.startsWith("^")) {
                continue; // control dependency: ordering only, no data
            }
            int colon = ref.lastIndexOf(':');
            if (colon > 0) {
                String index = ref.substring(colon + 1);
                if (!index.equals("0")) {
                    throw new IllegalArgumentException(
                            "node " + node.path("name").asText() + " reads output " + ref + "; only single-output ops are supported");
                }
                ref = ref.substring(0, colon);
            }
            inputs.add(ref);
        }
        return new GraphNode(node.path("name").asText(), node.path("op").asText(), List.copyOf(inputs), node.path("attr"));
    }

    public boolean has(String key) {
        return attrs.has(key);
    }

    public String string(String key, String fallback) {
        JsonNode v = attrs.path(key).path("s");
        return v.isMissingNode() ? fallback : decode(v.asText());
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : attrs.path(key).path("list").path("s")) {
            out.add(decode(s.asText()));
        }
        return out;
    }

    public int[] ints(String key, int[] fallback) {
        JsonNode list = attrs.path(key).path("list").path("i");
        if (!list.isArray() || list.isEmpty()) {
            return fallback;
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.parseInt(list.get(i).asText());
        }
        return out;
    }

    public long integer(String key, long fallback) {
        JsonNode v = attrs.path(key).path("i");
        return v.isMissingNode() ? fallback : Long.parseLong(v.asText());
    }

    public float real(String key, float fallback) {
        JsonNode v = attrs.path(key).path("f");
        return v.isMissingNode() ? fallback : (float) v.asDouble();
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = attrs.path(key).path("b");
        return v.isMissingNode() ? fallback : v.asBoolean();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
