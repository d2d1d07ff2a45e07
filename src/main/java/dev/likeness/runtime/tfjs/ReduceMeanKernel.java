package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * {@code Mean} over constant axes. DJL's PyTorch engine reduces one axis at a time, so the reduced
 * axes are moved last and flattened into one, giving a single reduction as in TF.js.
 */
final class ReduceMeanKernel implements Kernel {

    private final int[] axes;
    private final boolean keepDims;

    ReduceMeanKernel(GraphNode node, WeightTensor axes) {
        if (axes == null) {
            throw new IllegalArgumentException("node " + node.name() + ": reduction axes must be a constant");
        }
        this.axes = axes.asInts();
        this.keepDims = node.bool("keep_dims", false);
    }

    @Override
    public NDArray apply(NDArray[] in) {
        NDArray x = in[0];
        long[] shape = x.getShape().getShape();
        int rank = shape.length;
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            reduced[a < 0 ? a + rank : a] = true;
        }
        int[] perm = new int[rank];
        int k = 0;
        long[] keptShape = new long[rank];
        int kept = 0;
        long[] keepDimsShape = new long[rank];
        for (int i = 0; i < rank; i++) {
            keepDimsShape[i] = reduced[i] ? 1 : shape[i];
            if (!reduced[i]) {
                perm[k++] = i;
                keptShape[kept++] = shape[i];
            }
        }
        for (int i = 0; i < rank; i++) {
            if (reduced[i]) {
                perm[k++] = i;
            }
        }
        long[] flatShape = Arrays.copyOf(keptShape, kept + 1);
        flatShape[kept] = -1;
        try (NDArray moved = x.transpose(perm); NDArray flat = moved.reshape(new Shape(flatShape));
                NDArray mean = flat.mean(new int[] {kept})) {
            return mean.reshape(keepDims ? new Shape(keepDimsShape) : new Shape(Arrays.copyOf(keptShape, kept)));
        }
    }
}
