package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;

/** {@code MatMul} and {@code _FusedMatMul} on rank-2 operands. */
final class MatMulKernel implements Kernel {

    private final boolean transposeA;
    private final boolean transposeB;
    private final FusedEpilogue epilogue;

    MatMulKernel(GraphNode node, FusedEpilogue epilogue) {
        this.transposeA = node.bool("transpose_a", false);
        this.transposeB = node.bool("transpose_b", false);
        this.epilogue = epilogue;
    }

    @Override
    public NDArray apply(NDArray[] in) {
        NDArray a = transposeA ? in[0].transpose() : in[0];
        NDArray b = transposeB ? in[1].transpose() : in[1];
        NDArray y = a.matMul(b);
        if (a != in[0]) {
            a.close();
        }
        if (b != in[1]) {
            b.close();
        }
        if (epilogue.biasAdd()) {
            NDArray biased = y.add(in[2]);
            y.close();
            y = biased;
        }
        return epilogue.activate(y, in);
    }
}
