package dev.likeness.runtime.tfjs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds what a model converted without grappler's optimisations keeps as separate nodes after a
 * convolution (a batch-norm scale, a bias add, {@code Relu} then {@code Minimum(6)} then
 * {@code Maximum(0)}) into one fused convolution, as grappler would have. HSE FaceRes arrives that
 * way: five element-wise passes over every activation tensor per layer, each a round trip through
 * the engine, where one clamped convolution with a bias does the same arithmetic. A chain is folded
 * only while each node's sole reader is the next and no requested output is skipped over.
 */
final class ConvolutionFusion {

    private static final Set<String> CONVOLUTIONS = Set.of("Conv2D", "DepthwiseConv2dNative", "DepthwiseConv2d");
    private static final Set<String> ADDS = Set.of("Add", "AddV2", "BiasAdd");

    private final Map<String, GraphNode> nodes;
    private final Map<String, WeightTensor> weights;
    private final Map<String, List<String>> readers = new HashMap<>();
    private final Set<String> outputs;

    private ConvolutionFusion(GraphDef graph, Collection<String> outputs) {
        this.nodes = new LinkedHashMap<>(graph.nodes());
        this.weights = new HashMap<>(graph.weights());
        this.outputs = new HashSet<>(outputs);
        for (GraphNode n : graph.nodes().values()) {
            for (String in : n.inputs()) {
                readers.computeIfAbsent(in, k -> new ArrayList<>()).add(n.name());
            }
        }
    }

    /** The graph with every foldable chain fused; the requested outputs keep their names. */
    static GraphDef fuse(GraphDef graph, Collection<String> outputs) {
        ConvolutionFusion fusion = new ConvolutionFusion(graph, outputs);
        for (GraphNode n : graph.nodes().values()) {
            if (CONVOLUTIONS.contains(n.op())) {
                fusion.foldAfter(n);
            }
        }
        return new GraphDef(Collections.unmodifiableMap(fusion.nodes), Collections.unmodifiableMap(fusion.weights),
                graph.signatureOutputs());
    }

    private void foldAfter(GraphNode convolution) {
        WeightTensor filter = constant(convolution.inputs().get(1));
        if (filter == null || filter.shape().length != 4) {
            return;
        }
        boolean depthwise = !convolution.op().equals("Conv2D");
        int channels = depthwise ? filter.dim(2) * filter.dim(3) : filter.dim(3);
        float[] kernel = filter.floats();
        float[] bias = null;
        Activation activation = Activation.LINEAR;
        String last = convolution.name();
        List<String> absorbed = new ArrayList<>();
        while (true) {
            GraphNode next = soleReader(last);
            if (next == null) {
                break;
            }
            float[] operand = next.inputs().size() == 2 ? otherConstant(next, last) : null;
            if (next.op().equals("Mul") && bias == null && activation == Activation.LINEAR
                    && operand != null && operand.length == channels) {
                kernel = scaled(kernel, operand);
            } else if (ADDS.contains(next.op()) && activation == Activation.LINEAR
                    && operand != null && operand.length == channels) {
                bias = bias == null ? operand.clone() : sum(bias, operand);
            } else if (next.op().equals("Relu") && activation == Activation.LINEAR) {
                activation = Activation.RELU;
            } else if (next.op().equals("Relu6") && activation == Activation.LINEAR
                    || next.op().equals("Minimum") && activation == Activation.RELU && isScalar(operand, 6f)) {
                activation = Activation.RELU6;
            } else if (next.op().equals("Maximum") && activation == Activation.RELU6 && isScalar(operand, 0f)) {
                // max(relu6(x), 0) is relu6(x)
            } else {
                break;
            }
            if (!last.equals(convolution.name())) {
                absorbed.add(last);
            }
            last = next.name();
        }
        if (last.equals(convolution.name())) {
            return;
        }
        List<String> inputs = new ArrayList<>(List.of(convolution.inputs().get(0), addConstant(last + "/fused_filter",
                filter.shape(), kernel)));
        List<String> fusedOps = new ArrayList<>();
        if (bias != null) {
            inputs.add(addConstant(last + "/fused_bias", new long[] {channels}, bias));
            fusedOps.add("BiasAdd");
        }
        if (activation != Activation.LINEAR) {
            fusedOps.add(activation == Activation.RELU ? "Relu" : "Relu6");
        }
        ObjectNode attrs = convolution.attrs().deepCopy();
        ObjectNode list = attrs.putObject("fused_ops").putObject("list");
        fusedOps.forEach(op -> list.withArray("s").add(Base64.getEncoder().encodeToString(op.getBytes(StandardCharsets.UTF_8))));
        String op = depthwise ? "FusedDepthwiseConv2dNative" : "_FusedConv2D";
        nodes.remove(convolution.name());
        absorbed.forEach(nodes::remove);
        nodes.put(last, new GraphNode(last, op, List.copyOf(inputs), attrs));
    }

    private GraphNode soleReader(String name) {
        List<String> r = readers.getOrDefault(name, List.of());
        if (r.size() != 1 || outputs.contains(name)) {
            return null;
        }
        return nodes.get(r.get(0));
    }

    /** The node's constant operand when it broadcasts along the channel axis alone (or is a scalar). */
    private float[] otherConstant(GraphNode node, String input) {
        String other = node.inputs().get(0).equals(input) ? node.inputs().get(1) : node.inputs().get(0);
        WeightTensor w = constant(other);
        if (w == null) {
            return null;
        }
        for (int axis = 0; axis < w.shape().length - 1; axis++) {
            if (w.shape()[axis] != 1) {
                return null;
            }
        }
        return w.floats();
    }

    private WeightTensor constant(String name) {
        GraphNode n = nodes.get(name);
        WeightTensor w = weights.get(name);
        return n != null && n.op().equals("Const") && w != null && w.isFloat() ? w : null;
    }

    private String addConstant(String name, long[] shape, float[] values) {
        weights.put(name, new WeightTensor(name, shape, values, null));
        nodes.put(name, new GraphNode(name, "Const", List.of(), JsonNodeFactory.instance.objectNode()));
        return name;
    }

    /** Every filter tap of output channel k multiplied by scale[k] (the last TF axis, or the last two for depthwise). */
    private static float[] scaled(float[] kernel, float[] scale) {
        float[] out = new float[kernel.length];
        for (int i = 0; i < kernel.length; i++) {
            out[i] = kernel[i] * scale[i % scale.length];
        }
        return out;
    }

    private static float[] sum(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private static boolean isScalar(float[] operand, float value) {
        return operand != null && operand.length == 1 && operand[0] == value;
    }
}
