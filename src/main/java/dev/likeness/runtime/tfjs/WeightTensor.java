package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A constant of the graph, decoded from the weights file. Exactly one of {@code floats} and
 * {@code ints} is set; quantized weights are already dequantized to float32.
 */
public record WeightTensor(String name, long[] shape, float[] floats, int[] ints) {

    public boolean isFloat() {
        return floats != null;
    }

    /** The length of one axis. */
    public int dim(int axis) {
        return Math.toIntExact(shape[axis]);
    }

    /** Whether every value is a float no greater than {@code bound}. */
    boolean floatsAtMost(float bound) {
        if (!isFloat()) {
            return false;
        }
        for (float f : floats) {
            if (!(f <= bound)) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return isFloat() ? floats.length : ints.length;
    }

    NDArray toNDArray(NDManager manager) {
        Shape s = new Shape(shape);
        return isFloat() ? manager.create(floats, s) : manager.create(ints, s);
    }

    /** Integer view for shape-like constants (paddings, reshape targets, reduction axes). */
    int[] asInts() {
        if (!isFloat()) {
            return ints;
        }
        int[] out = new int[floats.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round(floats[i]);
        }
        return out;
    }
}
