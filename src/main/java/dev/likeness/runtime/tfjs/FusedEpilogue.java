package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What grappler fused after a convolution or matmul ({@code fused_ops}): an optional BiasAdd and
 * an optional activation, whose extra operands follow the two main inputs in that order.
 */
record FusedEpilogue(boolean biasAdd, Activation activation, float leakyAlpha, boolean preluAlphaAtMostOne) {

    static final FusedEpilogue NONE = new FusedEpilogue(false, Activation.LINEAR, 0.2f, false);

    static FusedEpilogue of(GraphNode node) {
        List<String> ops = node.strings("fused_ops");
        boolean bias = false;
        Activation activation = Activation.LINEAR;
        for (String op : ops) {
            if (op.equals("BiasAdd")) {
                bias = true;
                continue;
            }
            Activation a = Activation.fromOp(op);
            if (a == null || activation != Activation.LINEAR) {
                throw new IllegalArgumentException("node " + node.name() + ": unsupported fused_ops " + ops);
            }
            activation = a;
        }
        return new FusedEpilogue(bias, activation, node.real("leakyrelu_alpha", 0.2f), false);
    }

    /** This epilogue knowing whether every value of its PReLU alpha is at most 1. */
    FusedEpilogue withPreluAlphaAtMostOne(boolean atMostOne) {
        return new FusedEpilogue(biasAdd, activation, leakyAlpha, atMostOne);
    }

    /** Index (into the node's inputs) of the PReLU alpha operand. */
    int preluInput() {
        return biasAdd ? 3 : 2;
    }

    /** Applies the activation to {@code y} (bias already added), closing {@code y} if replaced. */
    NDArray activate(NDArray y, NDArray[] inputs) {
        if (activation == Activation.LINEAR) {
            return y;
        }
        NDArray out = activation == Activation.PRELU
                ? Activation.prelu(y, inputs[preluInput()], preluAlphaAtMostOne)
                : activation.apply(y, null, leakyAlpha);
        y.close();
        return out;
    }
}
