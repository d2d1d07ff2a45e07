package dev.likeness.liveness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Upstream's {@code Conv_block} (bias-free convolution, BatchNorm, per-channel PReLU) or, when the
 * weights have no {@code prelu.weight}, its {@code Linear_block} (convolution and BatchNorm).
 * Depthwise units use one group per channel.
 */
final class ConvUnit extends AbstractBlock {

    private final Parameter kernel;
    private final FrozenBatchNorm norm;
    private final Parameter prelu;
    private final int stride;
    private final int padding;
    private final int groups;

    ConvUnit(MiniFasNetWeights weights, String prefix, int stride, int padding, boolean depthwise) {
        kernel = addParameter(weights.parameter(prefix + ".conv.weight"));
        norm = addChildBlock("bn", new FrozenBatchNorm(weights, prefix + ".bn"));
        String alpha = prefix + ".prelu.weight";
        prelu = weights.has(alpha) ? addParameter(weights.parameter(alpha, new Shape(1, -1, 1, 1))) : null;
        this.stride = stride;
        this.padding = padding;
        this.groups = depthwise ? (int) weights.shape(prefix + ".conv.weight").get(0) : 1;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList out = Conv2d.conv2d(
                x,
                store.getValue(kernel, x.getDevice(), training),
                null,
                new Shape(stride, stride),
                new Shape(padding, padding),
                new Shape(1, 1),
                groups);
        out = norm.forward(store, out, training);
        if (prelu == null) {
            return out;
        }
        // PReLU by hand: DJL's PyTorch engine has no prelu kernel.
        NDArray y = out.singletonOrThrow();
        return new NDList(y.maximum(0f).add(y.minimum(0f).mul(store.getValue(prelu, x.getDevice(), training))));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape k = kernel.getArray().getShape();
        long h = (in.get(2) + 2L * padding - k.get(2)) / stride + 1;
        long w = (in.get(3) + 2L * padding - k.get(3)) / stride + 1;
        return new Shape[] {new Shape(in.get(0), k.get(0), h, w)};
    }
}
