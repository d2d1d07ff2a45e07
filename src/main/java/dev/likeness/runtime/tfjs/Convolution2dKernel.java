package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * {@code Conv2D}, {@code DepthwiseConv2dNative} and their fused forms. Activations stay NHWC; the
 * convolution runs on an NCHW view of them (a permutation, which PyTorch reads as channels-last),
 * after explicit zero padding when TF's SAME padding is asymmetric.
 */
final class Convolution2dKernel implements Kernel {

    private final String name;
    private final boolean depthwise;
    private final String padding;
    private final int[] explicitPaddings;
    private final int strideH;
    private final int strideW;
    private final int dilationH;
    private final int dilationW;
    private final FusedEpilogue epilogue;
    /** Filter already in PyTorch layout when it is a graph constant; otherwise converted per call. */
    private final NDArray torchFilter;

    Convolution2dKernel(GraphNode node, boolean depthwise, FusedEpilogue epilogue, WeightTensor filter, NDManager constants) {
        this.name = node.name();
        this.depthwise = depthwise;
        if (!node.string("data_format", "NHWC").equals("NHWC")) {
            throw new IllegalArgumentException("node " + name + ": only NHWC is supported");
        }
        this.padding = node.string("padding", "VALID");
        this.explicitPaddings = node.ints("explicit_paddings", new int[0]);
        int[] strides = node.ints("strides", new int[] {1, 1, 1, 1});
        int[] dilations = node.ints("dilations", new int[] {1, 1, 1, 1});
        this.strideH = strides[1];
        this.strideW = strides[2];
        this.dilationH = dilations[1];
        this.dilationW = dilations[2];
        this.epilogue = epilogue;
        this.torchFilter = filter == null ? null : constants.create(torchLayout(filter, depthwise), torchShape(filter.shape()));
    }

    @Override
    public NDArray apply(NDArray[] in) {
        NDArray x = in[0];
        NDArray filter = torchFilter != null ? torchFilter : runtimeFilter(in[1]);
        long[] fs = filter.getShape().getShape();
        int kh = (int) fs[2];
        int kw = (int) fs[3];
        long[] xs = x.getShape().getShape();
        SpatialPadding ph = SpatialPadding.of(padding, (int) xs[1], kh, strideH, dilationH, explicitPaddings, 1);
        SpatialPadding pw = SpatialPadding.of(padding, (int) xs[2], kw, strideW, dilationW, explicitPaddings, 2);
        NDArray nchw = x.transpose(0, 3, 1, 2);
        Shape torchPadding;
        if (ph.symmetric() && pw.symmetric()) {
            torchPadding = new Shape(ph.before(), pw.before());
        } else {
            NDArray padded = nchw.pad(new Shape(pw.before(), pw.after(), ph.before(), ph.after()), 0);
            nchw.close();
            nchw = padded;
            torchPadding = new Shape(0, 0);
        }
        NDArray bias = epilogue.biasAdd() ? in[2] : null;
        int groups = 1;
        if (depthwise) {
            // PyTorch's CPU depthwise kernel for a channel multiplier > 1 returns wrong values on some
            // CPUs (measured: max error 4.8). Repeating each input channel `multiplier` times, in TF's
            // output order (c * multiplier + m), turns it into a multiplier-1 depthwise convolution.
            long multiplier = fs[0] / xs[3];
            if (multiplier > 1) {
                NDArray repeated = nchw.repeat(1, multiplier);
                nchw.close();
                nchw = repeated;
            }
            groups = (int) fs[0];
        }
        NDArray y;
        try {
            y = Conv2d.conv2d(nchw, filter, bias, new Shape(strideH, strideW), torchPadding,
                    new Shape(dilationH, dilationW), groups).singletonOrThrow();
        } finally {
            nchw.close();
            if (filter != torchFilter) {
                filter.close();
            }
        }
        NDArray nhwc = y.transpose(0, 2, 3, 1);
        y.close();
        return epilogue.activate(nhwc, in);
    }

    /**
     * TF [kh, kw, in, out] to [out, in, kh, kw]; depthwise [kh, kw, in, mult] to [in*mult, 1, kh, kw]
     * (PyTorch's and ONNX's layout).
     */
    static float[] torchLayout(WeightTensor filter, boolean depthwise) {
        long[] s = filter.shape();
        int kh = (int) s[0];
        int kw = (int) s[1];
        int c = (int) s[2];
        int m = (int) s[3];
        float[] src = filter.floats();
        float[] dst = new float[src.length];
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                for (int ci = 0; ci < c; ci++) {
                    for (int mi = 0; mi < m; mi++) {
                        float v = src[((i * kw + j) * c + ci) * m + mi];
                        int torchIndex = depthwise
                                ? (((ci * m + mi) * kh + i) * kw + j)
                                : (((mi * c + ci) * kh + i) * kw + j);
                        dst[torchIndex] = v;
                    }
                }
            }
        }
        return dst;
    }

    private Shape torchShape(long[] s) {
        return depthwise ? new Shape(s[2] * s[3], 1, s[0], s[1]) : new Shape(s[3], s[2], s[0], s[1]);
    }

    private NDArray runtimeFilter(NDArray tf) {
        long[] s = tf.getShape().getShape();
        try (NDArray permuted = depthwise ? tf.transpose(2, 3, 0, 1) : tf.transpose(3, 2, 0, 1)) {
            return permuted.reshape(torchShape(s));
        }
    }
}
