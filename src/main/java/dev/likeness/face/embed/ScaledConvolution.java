package dev.likeness.face.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.likeness.runtime.tfjs.WeightTensor;
import java.util.Map;

/**
 * face-api's {@code convLayer}: a convolution with bias followed by dlib's per-channel affine
 * "scale" layer (the folded batch norm of the original dlib net), optionally ReLU. TF.js pads
 * "same" stride-1 convolutions by half the kernel on each side and "valid" ones not at all, which
 * the fixed padding here reproduces.
 */
final class ScaledConvolution extends AbstractBlock {

    private final Parameter filters;
    private final Parameter bias;
    private final Parameter scale;
    private final Parameter shift;
    private final int stride;
    private final int padding;
    private final boolean relu;

    /** {@code prefix + "/conv/filters"} is in TF.js HWIO layout; PyTorch wants OIHW. */
    ScaledConvolution(NDManager manager, Map<String, WeightTensor> weights, String prefix, int stride, boolean samePadding,
            boolean relu) {
        WeightTensor hwio = weights.get(prefix + "/conv/filters");
        int channels = hwio.dim(3);
        this.filters = addParameter(fixed("filters", manager.create(toOihw(hwio),
                new Shape(channels, hwio.dim(2), hwio.dim(0), hwio.dim(1)))));
        this.bias = addParameter(fixed("bias", manager.create(weights.get(prefix + "/conv/bias").floats())));
        this.scale = addParameter(fixed("scale", manager.create(weights.get(prefix + "/scale/weights").floats(),
                new Shape(1, channels, 1, 1))));
        this.shift = addParameter(fixed("shift", manager.create(weights.get(prefix + "/scale/biases").floats(),
                new Shape(1, channels, 1, 1))));
        this.stride = stride;
        this.padding = samePadding ? hwio.dim(0) / 2 : 0;
        this.relu = relu;
    }

    static Parameter fixed(String name, NDArray array) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optRequiresGrad(false)
                .optArray(array)
                .build();
    }

    private static float[] toOihw(WeightTensor hwio) {
        int kh = hwio.dim(0);
        int kw = hwio.dim(1);
        int in = hwio.dim(2);
        int out = hwio.dim(3);
        float[] src = hwio.floats();
        float[] dst = new float[src.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        dst[((o * in + i) * kh + y) * kw + x] = src[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return dst;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray out = Conv2d.conv2d(
                        x,
                        store.getValue(filters, x.getDevice(), training),
                        store.getValue(bias, x.getDevice(), training),
                        new Shape(stride, stride),
                        new Shape(padding, padding),
                        new Shape(1, 1))
                .singletonOrThrow()
                .mul(store.getValue(scale, x.getDevice(), training))
                .add(store.getValue(shift, x.getDevice(), training));
        return new NDList(relu ? Activation.relu(out) : out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape kernel = filters.getArray().getShape();
        long h = (in.get(2) + 2L * padding - kernel.get(2)) / stride + 1;
        long w = (in.get(3) + 2L * padding - kernel.get(3)) / stride + 1;
        return new Shape[] {new Shape(in.get(0), kernel.get(0), h, w)};
    }
}
