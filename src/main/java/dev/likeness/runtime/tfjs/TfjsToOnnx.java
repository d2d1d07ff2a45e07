package dev.likeness.runtime.tfjs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a TF.js graph model into an ONNX model, so that OnnxRuntime can run it with its fused,
 * blocked convolutions. Every rank-4 tensor is kept NCHW inside the ONNX graph (one transpose at each
 * rank-4 input and output), so convolutions, pools and element-wise ops need no layout changes;
 * constants that broadcast along the channel axis are reshaped to {@code [C, 1, 1]}, TF axes are
 * mapped for paddings and reductions, and a reshape of a rank-4 tensor reads it back in NHWC order.
 * TF's SAME padding is ONNX's {@code SAME_UPPER}, or written out at stride 1. Supports the ops
 * {@link KernelCompiler} does; a graph it cannot translate exactly is refused when it loads.
 */
public final class TfjsToOnnx {

    /** NHWC axis to NCHW axis. */
    private static final int[] PHYSICAL_AXIS = {0, 2, 3, 1};

    private final GraphDef graph;
    private final OnnxGraphBuilder onnx = new OnnxGraphBuilder();
    /** TF node name to the ONNX value holding it (NCHW when rank 4). */
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Integer> ranks = new HashMap<>();
    private final Map<String, String> laidOutConstants = new HashMap<>();

    private TfjsToOnnx(GraphDef graph) {
        this.graph = graph;
    }

    /**
     * @param graph the parsed (and, typically, {@link ConvolutionFusion fused}) model
     * @param inputs placeholder names; they keep their names and TF shapes in the ONNX model
     * @param outputs node names; they keep their names and TF layout in the ONNX model
     * @return the serialized ONNX ModelProto
     */
    public static byte[] translate(GraphDef graph, List<String> inputs, List<String> outputs) {
        return new TfjsToOnnx(graph).run(inputs, outputs);
    }

    private byte[] run(List<String> inputs, List<String> outputs) {
        for (GraphNode node : topologicalOrder(outputs)) {
            switch (node.op()) {
                case "Placeholder" -> placeholder(node, inputs);
                case "Const" -> {
                    // emitted where used, in the layout the user needs
                }
                default -> translate(node);
            }
        }
        for (String out : outputs) {
            String value = value(out);
            if (rank(out) == 4) {
                onnx.node("Transpose", out, value).ints("perm", 0, 2, 3, 1).add();
            } else {
                onnx.node("Identity", out, value).add();
            }
            onnx.output(out);
        }
        return onnx.build("tfjs");
    }

    private void placeholder(GraphNode node, List<String> inputs) {
        if (!inputs.contains(node.name())) {
            throw new IllegalArgumentException("placeholder " + node.name() + " is needed but not listed as an input");
        }
        long[] dims = placeholderShape(node);
        onnx.input(node.name(), dims);
        ranks.put(node.name(), dims.length);
        if (dims.length == 4) {
            String nchw = onnx.fresh(node.name());
            onnx.node("Transpose", nchw, node.name()).ints("perm", 0, 3, 1, 2).add();
            values.put(node.name(), nchw);
        } else {
            values.put(node.name(), node.name());
        }
    }

    private static long[] placeholderShape(GraphNode node) {
        var dims = node.attrs().path("shape").path("shape").path("dim");
        if (!dims.isArray() || dims.isEmpty()) {
            throw new IllegalArgumentException("placeholder " + node.name() + " has no static rank");
        }
        long[] out = new long[dims.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Long.parseLong(dims.get(i).path("size").asText("-1"));
        }
        return out;
    }

    private void translate(GraphNode node) {
        String name = node.name();
        String op = node.op();
        switch (op) {
            case "Conv2D", "_FusedConv2D", "DepthwiseConv2dNative", "DepthwiseConv2d", "FusedDepthwiseConv2dNative" ->
                    convolution(node, op.contains("Depthwise"));
            case "MaxPool" -> maxPool(node);
            case "MatMul", "_FusedMatMul" -> matMul(node);
            case "Add", "AddV2", "BiasAdd" -> binary(node, "Add");
            case "Sub" -> binary(node, "Sub");
            case "Mul" -> binary(node, "Mul");
            case "RealDiv" -> binary(node, "Div");
            case "Maximum" -> binary(node, "Max");
            case "Minimum" -> binary(node, "Min");
            case "Prelu" -> binary(node, "PRelu");
            case "Relu", "Relu6", "LeakyRelu", "Elu", "Sigmoid", "Tanh" -> {
                String out = activation(name, Activation.fromOp(op), value(node.inputs().get(0)),
                        node.real("alpha", 0.2f), null);
                define(name, out, rank(node.inputs().get(0)));
            }
            case "Softmax" -> {
                int r = rank(node.inputs().get(0));
                String out = onnx.fresh(name);
                onnx.node("Softmax", out, value(node.inputs().get(0))).integer("axis", r == 4 ? 1 : -1).add();
                define(name, out, r);
            }
            case "Identity" -> define(name, value(node.inputs().get(0)), rank(node.inputs().get(0)));
            case "Pad", "PadV2" -> pad(node);
            case "Reshape" -> reshape(node);
            case "Mean" -> mean(node);
            default -> throw new IllegalArgumentException("node " + name + ": op " + op + " is not supported");
        }
    }

    private void convolution(GraphNode node, boolean depthwise) {
        if (!node.string("data_format", "NHWC").equals("NHWC")) {
            throw new IllegalArgumentException("node " + node.name() + ": only NHWC is supported");
        }
        WeightTensor filter = constant(node.inputs().get(1));
        if (filter == null || !filter.isFloat()) {
            throw new IllegalArgumentException("node " + node.name() + ": the filter must be a float constant");
        }
        FusedEpilogue epilogue = node.op().startsWith("_Fused") || node.op().startsWith("Fused")
                ? FusedEpilogue.of(node) : FusedEpilogue.NONE;
        long[] s = filter.shape();
        String weights = onnx.fresh(node.name());
        onnx.floats(weights, depthwise ? new long[] {s[2] * s[3], 1, s[0], s[1]} : new long[] {s[3], s[2], s[0], s[1]},
                Convolution2dKernel.torchLayout(filter, depthwise));
        List<String> args = new ArrayList<>(List.of(value(node.inputs().get(0)), weights));
        if (epilogue.biasAdd()) {
            args.add(flatConstant(node.inputs().get(2)));
        }
        int[] strides = node.ints("strides", new int[] {1, 1, 1, 1});
        int[] dilations = node.ints("dilations", new int[] {1, 1, 1, 1});
        String conv = onnx.fresh(node.name());
        OnnxGraphBuilder.Node n = onnx.node("Conv", conv, args.toArray(String[]::new))
                .ints("kernel_shape", s[0], s[1])
                .ints("strides", strides[1], strides[2])
                .ints("dilations", dilations[1], dilations[2])
                .integer("group", depthwise ? s[2] : 1);
        padding(n, node, s[0], s[1], strides, dilations);
        n.add();
        String prelu = epilogue.activation() == Activation.PRELU
                ? channelConstant(node.inputs().get(epilogue.preluInput()), 4) : null;
        define(node.name(), activation(node.name(), epilogue.activation(), conv, epilogue.leakyAlpha(), prelu), 4);
    }

    /**
     * TF's padding as ONNX attributes. SAME is {@code SAME_UPPER}, which OnnxRuntime refuses with a
     * dilation; at stride 1, where SAME's padding does not depend on the input size, it is written
     * out instead.
     */
    private static void padding(OnnxGraphBuilder.Node n, GraphNode node, long kh, long kw, int[] strides, int[] dilations) {
        String padding = node.string("padding", "VALID");
        switch (padding) {
            case "SAME" -> {
                if (strides[1] == 1 && strides[2] == 1) {
                    long totalH = (kh - 1) * dilations[1];
                    long totalW = (kw - 1) * dilations[2];
                    n.ints("pads", totalH / 2, totalW / 2, totalH - totalH / 2, totalW - totalW / 2);
                } else if (dilations[1] == 1 && dilations[2] == 1) {
                    n.string("auto_pad", "SAME_UPPER");
                } else {
                    throw new IllegalArgumentException("node " + node.name() + ": SAME padding with both a stride and a dilation");
                }
            }
            case "VALID" -> n.ints("pads", 0, 0, 0, 0);
            case "EXPLICIT" -> {
                int[] p = node.ints("explicit_paddings", null);
                n.ints("pads", p[2], p[4], p[3], p[5]);
            }
            default -> throw new IllegalArgumentException("node " + node.name() + ": unsupported padding " + padding);
        }
    }

    private void maxPool(GraphNode node) {
        int[] k = node.ints("ksize", null);
        int[] s = node.ints("strides", null);
        String out = onnx.fresh(node.name());
        OnnxGraphBuilder.Node n = onnx.node("MaxPool", out, value(node.inputs().get(0)))
                .ints("kernel_shape", k[1], k[2])
                .ints("strides", s[1], s[2]);
        padding(n, node, k[1], k[2], s, new int[] {1, 1, 1, 1});
        n.add();
        define(node.name(), out, 4);
    }

    private void matMul(GraphNode node) {
        FusedEpilogue epilogue = node.op().equals("_FusedMatMul") ? FusedEpilogue.of(node) : FusedEpilogue.NONE;
        List<String> args = new ArrayList<>(List.of(value(node.inputs().get(0)), operand(node.inputs().get(1), 2)));
        if (epilogue.biasAdd()) {
            args.add(operand(node.inputs().get(2), 2));
        }
        String gemm = onnx.fresh(node.name());
        onnx.node("Gemm", gemm, args.toArray(String[]::new))
                .integer("transA", node.bool("transpose_a", false) ? 1 : 0)
                .integer("transB", node.bool("transpose_b", false) ? 1 : 0)
                .add();
        String prelu = epilogue.activation() == Activation.PRELU ? operand(node.inputs().get(epilogue.preluInput()), 2) : null;
        define(node.name(), activation(node.name(), epilogue.activation(), gemm, epilogue.leakyAlpha(), prelu), 2);
    }

    private void binary(GraphNode node, String onnxOp) {
        String a = node.inputs().get(0);
        String b = node.inputs().get(1);
        int rank = Math.max(rankOrConstant(a), rankOrConstant(b));
        String out = onnx.fresh(node.name());
        onnx.node(onnxOp, out, operand(a, rank), operand(b, rank)).add();
        define(node.name(), out, rank);
    }

    /** The activation applied to {@code x}; returns the value holding the result. */
    private String activation(String name, Activation activation, String x, float leakyAlpha, String preluAlpha) {
        if (activation == Activation.LINEAR) {
            return x;
        }
        String out = onnx.fresh(name);
        switch (activation) {
            case RELU -> onnx.node("Relu", out, x).add();
            case RELU6 -> onnx.node("Clip", out, x, scalar(name, 0f), scalar(name, 6f)).add();
            case PRELU -> onnx.node("PRelu", out, x, preluAlpha).add();
            case LEAKY_RELU -> onnx.node("LeakyRelu", out, x).real("alpha", leakyAlpha).add();
            case ELU -> onnx.node("Elu", out, x).real("alpha", 1f).add();
            case SIGMOID -> onnx.node("Sigmoid", out, x).add();
            case TANH -> onnx.node("Tanh", out, x).add();
            default -> throw new IllegalStateException(activation.name());
        }
        return out;
    }

    private void pad(GraphNode node) {
        WeightTensor paddings = constant(node.inputs().get(1));
        if (paddings == null) {
            throw new IllegalArgumentException("node " + node.name() + ": paddings must be a constant");
        }
        int[] p = paddings.asInts();
        int rank = p.length / 2;
        long[] pads = new long[2 * rank];
        for (int axis = 0; axis < rank; axis++) {
            int physical = rank == 4 ? PHYSICAL_AXIS[axis] : axis;
            pads[physical] = p[2 * axis];
            pads[rank + physical] = p[2 * axis + 1];
        }
        String padsName = onnx.fresh(node.name());
        onnx.longs(padsName, new long[] {pads.length}, pads);
        float value = node.op().equals("PadV2") ? constant(node.inputs().get(2)).floats()[0] : node.real("constant_value", 0f);
        String out = onnx.fresh(node.name());
        onnx.node("Pad", out, value(node.inputs().get(0)), padsName, scalar(node.name(), value)).add();
        define(node.name(), out, rank);
    }

    private void reshape(GraphNode node) {
        WeightTensor shape = constant(node.inputs().get(1));
        if (shape == null) {
            throw new IllegalArgumentException("node " + node.name() + ": the target shape must be a constant");
        }
        String x = value(node.inputs().get(0));
        if (rank(node.inputs().get(0)) == 4) {
            String nhwc = onnx.fresh(node.name());
            onnx.node("Transpose", nhwc, x).ints("perm", 0, 2, 3, 1).add();
            x = nhwc;
        }
        long[] target = Arrays.stream(shape.asInts()).asLongStream().toArray();
        String shapeName = onnx.fresh(node.name());
        onnx.longs(shapeName, new long[] {target.length}, target);
        String out = onnx.fresh(node.name());
        onnx.node("Reshape", out, x, shapeName).add();
        if (target.length == 4) {
            String nchw = onnx.fresh(node.name());
            onnx.node("Transpose", nchw, out).ints("perm", 0, 3, 1, 2).add();
            out = nchw;
        }
        define(node.name(), out, target.length);
    }

    private void mean(GraphNode node) {
        WeightTensor axesConstant = constant(node.inputs().get(1));
        if (axesConstant == null) {
            throw new IllegalArgumentException("node " + node.name() + ": reduction axes must be a constant");
        }
        int rank = rank(node.inputs().get(0));
        boolean keepDims = node.bool("keep_dims", false);
        Set<Integer> reduced = new HashSet<>();
        for (int a : axesConstant.asInts()) {
            reduced.add(a < 0 ? a + rank : a);
        }
        long[] axes = reduced.stream().mapToLong(a -> rank == 4 ? PHYSICAL_AXIS[a] : a).sorted().toArray();
        if (rank == 4 && !keepDims) {
            // below rank 4 tensors are in TF's layout, so the kept axes must come out in TF's order
            int previous = -1;
            for (int a = 0; a < 4; a++) {
                if (!reduced.contains(a)) {
                    if (PHYSICAL_AXIS[a] < previous) {
                        throw new IllegalArgumentException("node " + node.name() + ": this reduction reorders axes");
                    }
                    previous = PHYSICAL_AXIS[a];
                }
            }
        }
        String out = onnx.fresh(node.name());
        onnx.node("ReduceMean", out, value(node.inputs().get(0))).ints("axes", axes).integer("keepdims", keepDims ? 1 : 0).add();
        define(node.name(), out, keepDims ? rank : rank - reduced.size());
    }

    /** The value for an element-wise operand of an op whose result has rank {@code rank}. */
    private String operand(String tfName, int rank) {
        if (isConstant(tfName)) {
            return channelConstant(tfName, rank);
        }
        int own = rank(tfName);
        if (rank == 4 && own != 4 && own != 0) {
            // it would broadcast along NCHW's last axis instead of TF's channels
            throw new IllegalArgumentException("node " + tfName + ": a rank-" + own + " tensor broadcast against a rank-4 one is not supported");
        }
        return value(tfName);
    }

    /**
     * A constant laid out for broadcasting against a tensor of rank {@code rank}: a per-channel
     * vector (or a {@code [1, 1, C]} / {@code [1, 1, 1, C]} block) becomes {@code [C, 1, 1]} against
     * NCHW; a full rank-4 constant is transposed.
     */
    private String channelConstant(String tfName, int rank) {
        WeightTensor w = constant(tfName);
        if (w == null || !w.isFloat()) {
            throw new IllegalArgumentException("constant " + tfName + " must be float");
        }
        String key = tfName + "@" + rank;
        String existing = laidOutConstants.get(key);
        if (existing != null) {
            return existing;
        }
        long[] s = w.shape();
        long[] dims = s;
        float[] data = w.floats();
        if (rank == 4 && s.length > 0) {
            boolean channelOnly = true;
            for (int i = 0; i < s.length - 1; i++) {
                channelOnly &= s[i] == 1;
            }
            if (channelOnly) {
                dims = new long[] {s[s.length - 1], 1, 1};
            } else if (s.length == 4) {
                dims = new long[] {s[0], s[3], s[1], s[2]};
                data = nhwcToNchw(data, s);
            } else {
                throw new IllegalArgumentException("constant " + tfName + " broadcasts in a way not supported");
            }
        }
        String name = onnx.fresh(tfName);
        onnx.floats(name, dims, data);
        laidOutConstants.put(key, name);
        return name;
    }

    private String flatConstant(String tfName) {
        WeightTensor w = constant(tfName);
        String name = onnx.fresh(tfName);
        onnx.floats(name, new long[] {w.size()}, w.floats());
        return name;
    }

    private String scalar(String base, float value) {
        String name = onnx.fresh(base);
        onnx.floats(name, new long[0], new float[] {value});
        return name;
    }

    private static float[] nhwcToNchw(float[] data, long[] s) {
        int n = (int) s[0];
        int h = (int) s[1];
        int w = (int) s[2];
        int c = (int) s[3];
        float[] out = new float[data.length];
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int k = 0; k < c; k++) {
                        out[((b * c + k) * h + y) * w + x] = data[((b * h + y) * w + x) * c + k];
                    }
                }
            }
        }
        return out;
    }

    private void define(String tfName, String value, int rank) {
        values.put(tfName, value);
        ranks.put(tfName, rank);
    }

    private String value(String tfName) {
        String v = values.get(tfName);
        if (v == null) {
            throw new IllegalArgumentException("node " + tfName + " has no value (a constant where a tensor is expected?)");
        }
        return v;
    }

    private int rank(String tfName) {
        return ranks.get(tfName);
    }

    private int rankOrConstant(String tfName) {
        return isConstant(tfName) ? constant(tfName).shape().length : rank(tfName);
    }

    private boolean isConstant(String tfName) {
        return constant(tfName) != null;
    }

    private WeightTensor constant(String tfName) {
        GraphNode n = graph.nodes().get(tfName);
        return n != null && n.op().equals("Const") ? graph.weights().get(tfName) : null;
    }

    private List<GraphNode> topologicalOrder(List<String> outputs) {
        List<GraphNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        for (String out : outputs) {
            visit(out, done, stack, order);
        }
        return order;
    }

    private void visit(String name, Set<String> done, Deque<String> path, List<GraphNode> order) {
        if (done.contains(name)) {
            return;
        }
        if (path.contains(name)) {
            throw new IllegalArgumentException("graph has a cycle through " + name);
        }
        path.push(name);
        GraphNode node = graph.node(name);
        for (String in : node.inputs()) {
            visit(in, done, path, order);
        }
        path.pop();
        done.add(name);
        order.add(node);
    }
}
