package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/** {@code MaxPool} (NHWC). Padded cells never win, as in TF: asymmetric SAME padding uses -inf. */
final class MaxPoolKernel implements Kernel {

    private final String padding;
    private final int kh;
    private final int kw;
    private final int strideH;
    private final int strideW;

    MaxPoolKernel(GraphNode node) {
        if (!node.string("data_format", "NHWC").equals("NHWC")) {
            throw new IllegalArgumentException("node " + node.name() + ": only NHWC is supported");
        }
        this.padding = node.string("padding", "VALID");
        int[] k = node.ints("ksize", null);
        int[] s = node.ints("strides", null);
        this.kh = k[1];
        this.kw = k[2];
        this.strideH = s[1];
        this.strideW = s[2];
    }

    @Override
    public NDArray apply(NDArray[] in) {
        NDArray x = in[0];
        long[] xs = x.getShape().getShape();
        SpatialPadding ph = SpatialPadding.of(padding, (int) xs[1], kh, strideH, 1, null, 1);
        SpatialPadding pw = SpatialPadding.of(padding, (int) xs[2], kw, strideW, 1, null, 2);
        NDArray nchw = x.transpose(0, 3, 1, 2);
        Shape torchPadding;
        if (ph.symmetric() && pw.symmetric()) {
            torchPadding = new Shape(ph.before(), pw.before());
        } else {
            NDArray padded = nchw.pad(new Shape(pw.before(), pw.after(), ph.before(), ph.after()), Float.NEGATIVE_INFINITY);
            nchw.close();
            nchw = padded;
            torchPadding = new Shape(0, 0);
        }
        NDArray y = Pool.maxPool2d(nchw, new Shape(kh, kw), new Shape(strideH, strideW), torchPadding, false);
        nchw.close();
        NDArray nhwc = y.transpose(0, 2, 3, 1);
        y.close();
        return nhwc;
    }
}
