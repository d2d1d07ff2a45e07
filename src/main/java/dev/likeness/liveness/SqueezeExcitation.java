package dev.likeness.liveness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Upstream's {@code SEModule}: global average, 1x1 conv down, BatchNorm, ReLU, 1x1 conv up,
 * BatchNorm, sigmoid, and the input scaled channel-wise by the result.
 */
final class SqueezeExcitation extends AbstractBlock {

    private final Parameter squeeze;
    private final FrozenBatchNorm squeezeNorm;
    private final Parameter excite;
    private final FrozenBatchNorm exciteNorm;

    SqueezeExcitation(MiniFasNetWeights weights, String prefix) {
        squeeze = addParameter(weights.parameter(prefix + ".fc1.weight"));
        squeezeNorm = addChildBlock("bn1", new FrozenBatchNorm(weights, prefix + ".bn1"));
        excite = addParameter(weights.parameter(prefix + ".fc2.weight"));
        exciteNorm = addChildBlock("bn2", new FrozenBatchNorm(weights, prefix + ".bn2"));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        NDArray pooled = x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2}, true).expandDims(3);
        NDList gate = Conv2d.conv2d(pooled, store.getValue(squeeze, x.getDevice(), training));
        gate = Activation.relu(squeezeNorm.forward(store, gate, training));
        gate = Conv2d.conv2d(gate.singletonOrThrow(), store.getValue(excite, x.getDevice(), training));
        NDArray weightsPerChannel = Activation.sigmoid(exciteNorm.forward(store, gate, training).singletonOrThrow());
        return new NDList(x.mul(weightsPerChannel));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
