package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** {@code Pad} / {@code PadV2} with constant paddings ({@code [rank][2]}, TF axis order). */
final class PadKernel implements Kernel {

    private final long[] torchPads;
    private final float constantAttr;
    private final boolean valueFromInput;

    PadKernel(GraphNode node, WeightTensor paddings) {
        if (paddings == null) {
            throw new IllegalArgumentException("node " + node.name() + ": paddings must be a constant");
        }
        int[] p = paddings.asInts();
        int rank = p.length / 2;
        // PyTorch lists (before, after) pairs starting from the last axis
        torchPads = new long[p.length];
        for (int axis = 0; axis < rank; axis++) {
            torchPads[2 * (rank - 1 - axis)] = p[2 * axis];
            torchPads[2 * (rank - 1 - axis) + 1] = p[2 * axis + 1];
        }
        constantAttr = node.real("constant_value", 0f);
        valueFromInput = node.op().equals("PadV2");
    }

    @Override
    public NDArray apply(NDArray[] in) {
        float value = valueFromInput ? in[2].toFloatArray()[0] : constantAttr;
        return in[0].pad(new Shape(torchPads), value);
    }
}
