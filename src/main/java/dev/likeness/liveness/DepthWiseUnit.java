package dev.likeness.liveness;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Upstream's {@code Depth_Wise} / {@code Depth_Wise_SE}: 1x1 expansion, 3x3 depthwise (padding 1),
 * 1x1 linear projection; residual units add their input back, after the squeeze-excitation unit
 * when the weights have one.
 */
final class DepthWiseUnit extends AbstractBlock {

    private final ConvUnit expand;
    private final ConvUnit depthwise;
    private final ConvUnit project;
    private final SqueezeExcitation excitation;
    private final boolean residual;

    DepthWiseUnit(MiniFasNetWeights weights, String prefix, int stride, boolean residual) {
        expand = addChildBlock("conv", new ConvUnit(weights, prefix + ".conv", 1, 0, false));
        depthwise = addChildBlock("conv_dw", new ConvUnit(weights, prefix + ".conv_dw", stride, 1, true));
        project = addChildBlock("project", new ConvUnit(weights, prefix + ".project", 1, 0, false));
        excitation = residual && weights.has(prefix + ".se_module.fc1.weight")
                ? addChildBlock("se_module", new SqueezeExcitation(weights, prefix + ".se_module"))
                : null;
        this.residual = residual;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = expand.forward(store, inputs, training);
        out = depthwise.forward(store, out, training);
        out = project.forward(store, out, training);
        if (!residual) {
            return out;
        }
        if (excitation != null) {
            out = excitation.forward(store, out, training);
        }
        return new NDList(inputs.singletonOrThrow().add(out.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return project.getOutputShapes(depthwise.getOutputShapes(expand.getOutputShapes(inputShapes)));
    }
}
