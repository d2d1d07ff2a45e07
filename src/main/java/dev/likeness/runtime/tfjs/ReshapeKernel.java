package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** {@code Reshape}; a {@code -1} dimension is inferred. */
final class ReshapeKernel implements Kernel {

    private final long[] constantShape;

    ReshapeKernel(WeightTensor shape) {
        this.constantShape = shape == null ? null : Arrays.stream(shape.asInts()).asLongStream().toArray();
    }

    @Override
    public NDArray apply(NDArray[] in) {
        if (constantShape != null) {
            return in[0].reshape(new Shape(constantShape));
        }
        try (NDArray target = in[1].toType(DataType.INT64, true)) {
            return in[0].reshape(new Shape(target.toLongArray()));
        }
    }
}
