package dev.likeness.liveness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.likeness.runtime.torch.LegacyTorchCheckpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A MiniFASNet state dict read from the upstream {@code .pth} file the operator installed (checked
 * against its published sha256 first), keys without the {@code module.} prefix. The architecture's free choices (channel widths, stage
 * depths, where the squeeze-excitation units sit) are read off these names and shapes.
 */
final class MiniFasNetWeights {

    private final Map<String, NDArray> arrays;

    private MiniFasNetWeights(Map<String, NDArray> arrays) {
        this.arrays = arrays;
    }

    static MiniFasNetWeights read(Path pth, NDManager manager) throws IOException {
        LegacyTorchCheckpoint.verify(pth, MiniFasNetVariant.publishedDigests());
        Map<String, NDArray> arrays = new HashMap<>();
        LegacyTorchCheckpoint.read(pth).forEach((name, tensor) -> {
            NDArray array = manager.create(tensor.data(), new Shape(tensor.shape()));
            array.setName(name);
            arrays.put(name, array);
        });
        return new MiniFasNetWeights(arrays);
    }

    boolean has(String name) {
        return arrays.containsKey(name);
    }

    Shape shape(String name) {
        return require(name).getShape();
    }

    /** A frozen parameter holding the named tensor. */
    Parameter parameter(String name) {
        return frozen(name, require(name));
    }

    /** A frozen parameter holding the named tensor reshaped once here, not on every forward pass. */
    Parameter parameter(String name, Shape shape) {
        return frozen(name, require(name).reshape(shape));
    }

    private static Parameter frozen(String name, NDArray array) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optRequiresGrad(false)
                .optArray(array)
                .build();
    }

    /** Number of residual units in a stage such as {@code conv_3} ({@code conv_3.model.<i>}). */
    int stageDepth(String stage) {
        int depth = 0;
        while (has(stage + ".model." + depth + ".conv.conv.weight")) {
            depth++;
        }
        return depth;
    }

    private NDArray require(String name) {
        NDArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("MiniFASNet weights lack " + name);
        }
        return array;
    }
}
