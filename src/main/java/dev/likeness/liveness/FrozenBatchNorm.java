package dev.likeness.liveness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** PyTorch BatchNorm in eval mode (running statistics, eps 1e-5) over axis 1, for 2-d or 4-d input. */
final class FrozenBatchNorm extends AbstractBlock {

    private static final float EPSILON = 1e-5f;

    private final Parameter mean;
    private final Parameter variance;
    private final Parameter gamma;
    private final Parameter beta;

    FrozenBatchNorm(MiniFasNetWeights weights, String prefix) {
        mean = addParameter(weights.parameter(prefix + ".running_mean"));
        variance = addParameter(weights.parameter(prefix + ".running_var"));
        gamma = addParameter(weights.parameter(prefix + ".weight"));
        beta = addParameter(weights.parameter(prefix + ".bias"));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return BatchNorm.batchNorm(
                x,
                store.getValue(mean, x.getDevice(), training),
                store.getValue(variance, x.getDevice(), training),
                store.getValue(gamma, x.getDevice(), training),
                store.getValue(beta, x.getDevice(), training),
                1,
                0.1f,
                EPSILON,
                false);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
