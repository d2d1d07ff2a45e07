package dev.likeness.face.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.likeness.runtime.tfjs.WeightTensor;
import java.util.Map;

/**
 * face-api's {@code residual} and {@code residualDown}: two scaled convolutions plus a shortcut.
 * The down variant strides the first convolution by 2 ("valid" padding) and takes the shortcut
 * through a 2x2 average pool; when the channel count doubles the pooled shortcut is padded with
 * zero channels, and when the strided branch comes out one pixel smaller (odd inputs) it gets a
 * zero row at the bottom and a zero column at the right, exactly as face-api does.
 */
final class ResidualUnit extends AbstractBlock {

    private final ScaledConvolution first;
    private final ScaledConvolution second;
    private final boolean down;

    ResidualUnit(NDManager manager, Map<String, WeightTensor> weights, String prefix, boolean down) {
        this.down = down;
        this.first = addChildBlock("conv1",
                new ScaledConvolution(manager, weights, prefix + "/conv1", down ? 2 : 1, !down, true));
        this.second = addChildBlock("conv2",
                new ScaledConvolution(manager, weights, prefix + "/conv2", 1, true, false));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray out = first.forward(store, inputs, training).singletonOrThrow();
        out = second.forward(store, new NDList(out), training).singletonOrThrow();
        NDArray shortcut = x;
        if (down) {
            shortcut = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
            long missingChannels = out.getShape().get(1) - shortcut.getShape().get(1);
            if (missingChannels > 0) {
                Shape s = shortcut.getShape();
                shortcut = shortcut.concat(x.getManager().zeros(new Shape(s.get(0), missingChannels, s.get(2), s.get(3))), 1);
            }
            if (shortcut.getShape().get(2) != out.getShape().get(2) || shortcut.getShape().get(3) != out.getShape().get(3)) {
                Shape s = out.getShape();
                out = out.concat(x.getManager().zeros(new Shape(s.get(0), s.get(1), 1, s.get(3))), 2);
                s = out.getShape();
                out = out.concat(x.getManager().zeros(new Shape(s.get(0), s.get(1), s.get(2), 1)), 3);
            }
        }
        return new NDList(Activation.relu(out.add(shortcut)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape convolved = second.getOutputShapes(first.getOutputShapes(inputShapes))[0];
        if (!down) {
            return new Shape[] {convolved};
        }
        return new Shape[] {new Shape(in.get(0), convolved.get(1), in.get(2) / 2, in.get(3) / 2)};
    }
}
