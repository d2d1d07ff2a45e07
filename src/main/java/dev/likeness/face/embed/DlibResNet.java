package dev.likeness.face.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.likeness.runtime.tfjs.WeightTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dlib ResNet-29 face descriptor as face-api's {@code FaceRecognitionNet.forwardInput} runs it:
 * 7x7/2 "valid" convolution, 3x3/2 max pool, residual stages of 32, 64, 128 and 256 channels (the
 * first unit of each later stage strided), a final strided 256 unit, global average and a 256x128
 * fully connected layer. Input: NCHW float, already mean-subtracted and divided by 255.
 */
final class DlibResNet extends AbstractBlock {

    /** face-api's unit names in forward order; {@code _down} units stride by 2. */
    private static final String[] UNITS = {
        "conv32_1", "conv32_2", "conv32_3",
        "conv64_down", "conv64_1", "conv64_2", "conv64_3",
        "conv128_down", "conv128_1", "conv128_2",
        "conv256_down", "conv256_1", "conv256_2", "conv256_down_out",
    };

    private final ScaledConvolution stem;
    private final List<ResidualUnit> units = new ArrayList<>();
    private final Parameter fc;

    DlibResNet(NDManager manager, Map<String, WeightTensor> weights) {
        stem = addChildBlock("conv32_down", new ScaledConvolution(manager, weights, "conv32_down", 2, false, true));
        for (String name : UNITS) {
            units.add(addChildBlock(name, new ResidualUnit(manager, weights, name, name.contains("_down"))));
        }
        WeightTensor fcWeights = weights.get("fc");
        fc = addParameter(ScaledConvolution.fixed("fc",
                manager.create(fcWeights.floats(), new Shape(fcWeights.dim(0), fcWeights.dim(1)))));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = stem.forward(store, inputs, training);
        out = new NDList(Pool.maxPool2d(out.singletonOrThrow(), new Shape(3, 3), new Shape(2, 2), new Shape(0, 0), false));
        for (ResidualUnit unit : units) {
            out = unit.forward(store, out, training);
        }
        NDArray features = out.singletonOrThrow();
        Shape s = features.getShape();
        NDArray pooled = features.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
        return new NDList(pooled.matMul(store.getValue(fc, pooled.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), fc.getArray().getShape().get(1))};
    }
}
