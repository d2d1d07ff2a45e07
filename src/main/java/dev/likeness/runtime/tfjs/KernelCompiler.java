package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDManager;
import java.util.Set;
import java.util.function.Function;

/** Turns a graph node into a {@link Kernel}; the place to look for which TF ops are supported. */
final class KernelCompiler {

    static final Set<String> SUPPORTED = Set.of(
            "Conv2D", "_FusedConv2D", "DepthwiseConv2dNative", "DepthwiseConv2d", "FusedDepthwiseConv2dNative",
            "MaxPool", "MatMul", "_FusedMatMul",
            "Add", "AddV2", "BiasAdd", "Sub", "Mul", "RealDiv", "Maximum", "Minimum", "Prelu",
            "Relu", "Relu6", "LeakyRelu", "Elu", "Sigmoid", "Tanh", "Softmax", "Identity",
            "Pad", "PadV2", "Reshape", "Mean");

    private final Function<String, WeightTensor> constants;
    private final NDManager constantManager;

    /**
     * @param constants the constant behind a node name, or null when the node is not a Const
     * @param constantManager owner of arrays prepared once at load time (e.g. re-laid-out filters)
     */
    KernelCompiler(Function<String, WeightTensor> constants, NDManager constantManager) {
        this.constants = constants;
        this.constantManager = constantManager;
    }

    Kernel compile(GraphNode node) {
        String op = node.op();
        return switch (op) {
            case "Conv2D" -> new Convolution2dKernel(node, false, FusedEpilogue.NONE, filter(node), constantManager);
            case "_FusedConv2D" -> new Convolution2dKernel(node, false, epilogue(node), filter(node), constantManager);
            case "DepthwiseConv2dNative", "DepthwiseConv2d" ->
                    new Convolution2dKernel(node, true, FusedEpilogue.NONE, filter(node), constantManager);
            case "FusedDepthwiseConv2dNative" ->
                    new Convolution2dKernel(node, true, epilogue(node), filter(node), constantManager);
            case "MaxPool" -> new MaxPoolKernel(node);
            case "MatMul" -> new MatMulKernel(node, FusedEpilogue.NONE);
            case "_FusedMatMul" -> new MatMulKernel(node, epilogue(node));
            case "Add", "AddV2", "BiasAdd" -> in -> in[0].add(in[1]);
            case "Sub" -> in -> in[0].sub(in[1]);
            case "Mul" -> in -> in[0].mul(in[1]);
            case "RealDiv" -> in -> in[0].div(in[1]);
            case "Maximum" -> in -> in[0].maximum(in[1]);
            case "Minimum" -> in -> in[0].minimum(in[1]);
            case "Prelu" -> prelu(constant(node, 1));
            case "Relu" -> in -> Activation.RELU.apply(in[0], null, 0);
            case "Relu6" -> in -> Activation.RELU6.apply(in[0], null, 0);
            case "LeakyRelu" -> leakyRelu(node.real("alpha", 0.2f));
            case "Elu" -> in -> Activation.ELU.apply(in[0], null, 0);
            case "Sigmoid" -> in -> Activation.SIGMOID.apply(in[0], null, 0);
            case "Tanh" -> in -> Activation.TANH.apply(in[0], null, 0);
            case "Softmax" -> in -> in[0].softmax(-1);
            case "Identity" -> in -> in[0].reshape(in[0].getShape());
            case "Pad", "PadV2" -> new PadKernel(node, constant(node, 1));
            case "Reshape" -> new ReshapeKernel(constant(node, 1));
            case "Mean" -> new ReduceMeanKernel(node, constant(node, 1));
            default -> throw new IllegalArgumentException("node " + node.name() + ": op " + op + " is not supported");
        };
    }

    private FusedEpilogue epilogue(GraphNode node) {
        FusedEpilogue epilogue = FusedEpilogue.of(node);
        return epilogue.activation() == Activation.PRELU
                ? epilogue.withPreluAlphaAtMostOne(alphaAtMostOne(constant(node, epilogue.preluInput())))
                : epilogue;
    }

    private static Kernel prelu(WeightTensor alpha) {
        boolean atMostOne = alphaAtMostOne(alpha);
        return in -> Activation.prelu(in[0], in[1], atMostOne);
    }

    /** Whether a PReLU alpha is a constant with every value at most 1 (false when computed at run time). */
    private static boolean alphaAtMostOne(WeightTensor alpha) {
        return alpha != null && alpha.floatsAtMost(1f);
    }

    private static Kernel leakyRelu(float alpha) {
        return in -> Activation.LEAKY_RELU.apply(in[0], null, alpha);
    }

    private WeightTensor filter(GraphNode node) {
        WeightTensor w = constant(node, 1);
        return w != null && w.isFloat() ? w : null;
    }

    private WeightTensor constant(GraphNode node, int input) {
        return node.inputs().size() > input ? constants.apply(node.inputs().get(input)) : null;
    }
}
