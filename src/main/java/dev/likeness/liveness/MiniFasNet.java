package dev.likeness.liveness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * MiniFASNet (V2 or V1SE) as upstream's {@code MiniFASNet.forward} runs it in eval mode, on an
 * NCHW 80x80 BGR 0-255 float input: conv1 (3x3/2), conv2_dw, strided depthwise units conv_23,
 * conv_34 and conv_45 with residual stages conv_3, conv_4 and conv_5 between them, conv_6_sep,
 * the 5x5 depthwise conv_6_dw, flatten, linear 512-128, BatchNorm1d, and prob (3 logits). Dropout
 * is the identity at inference and the FT generator branch only exists for training.
 */
final class MiniFasNet extends AbstractBlock {

    private final List<AbstractBlock> trunk = new ArrayList<>();
    private final Parameter linear;
    private final FrozenBatchNorm norm;
    private final Parameter prob;

    MiniFasNet(MiniFasNetWeights weights) {
        add("conv1", new ConvUnit(weights, "conv1", 2, 1, false));
        add("conv2_dw", new ConvUnit(weights, "conv2_dw", 1, 1, true));
        add("conv_23", new DepthWiseUnit(weights, "conv_23", 2, false));
        addStage(weights, "conv_3");
        add("conv_34", new DepthWiseUnit(weights, "conv_34", 2, false));
        addStage(weights, "conv_4");
        add("conv_45", new DepthWiseUnit(weights, "conv_45", 2, false));
        addStage(weights, "conv_5");
        add("conv_6_sep", new ConvUnit(weights, "conv_6_sep", 1, 0, false));
        add("conv_6_dw", new ConvUnit(weights, "conv_6_dw", 1, 0, true));
        linear = addParameter(weights.parameter("linear.weight"));
        norm = addChildBlock("bn", new FrozenBatchNorm(weights, "bn"));
        prob = addParameter(weights.parameter("prob.weight"));
    }

    private void add(String name, AbstractBlock block) {
        trunk.add(addChildBlock(name, block));
    }

    private void addStage(MiniFasNetWeights weights, String stage) {
        int depth = weights.stageDepth(stage);
        for (int i = 0; i < depth; i++) {
            add(stage + "_" + i, new DepthWiseUnit(weights, stage + ".model." + i, 1, true));
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = inputs;
        for (AbstractBlock block : trunk) {
            out = block.forward(store, out, training);
        }
        NDArray flat = out.singletonOrThrow().reshape(out.singletonOrThrow().getShape().get(0), -1);
        NDList embedding = Linear.linear(flat, store.getValue(linear, flat.getDevice(), training));
        embedding = norm.forward(store, embedding, training);
        return Linear.linear(embedding.singletonOrThrow(), store.getValue(prob, flat.getDevice(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), prob.getArray().getShape().get(0))};
    }
}
