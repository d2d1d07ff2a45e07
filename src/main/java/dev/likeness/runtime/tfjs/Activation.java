package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/** The activations TF.js fuses into convolutions and matmuls, with TF.js semantics. */
enum Activation {
    LINEAR, RELU, RELU6, PRELU, LEAKY_RELU, ELU, SIGMOID, TANH;

    /** Maps a TF op name from {@code fused_ops}, or returns null when it is not an activation. */
    static Activation fromOp(String op) {
        return switch (op) {
            case "Relu" -> RELU;
            case "Relu6" -> RELU6;
            case "Prelu" -> PRELU;
            case "LeakyRelu" -> LEAKY_RELU;
            case "Elu" -> ELU;
            case "Sigmoid" -> SIGMOID;
            case "Tanh" -> TANH;
            default -> null;
        };
    }

    NDArray apply(NDArray x, NDArray preluAlpha, float leakyAlpha) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            case RELU6 -> x.clip(0f, 6f); // one clamp; DJL's relu6 is a relu and then a minimum
            case PRELU -> prelu(x, preluAlpha);
            case LEAKY_RELU -> ai.djl.nn.Activation.leakyRelu(x, leakyAlpha);
            case ELU -> ai.djl.nn.Activation.elu(x, 1f);
            case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
            case TANH -> ai.djl.nn.Activation.tanh(x);
        };
    }

    /** {@code x < 0 ? alpha * x : x}, alpha broadcast against the trailing (channel) axes. */
    static NDArray prelu(NDArray x, NDArray alpha) {
        try (NDArray negative = x.lt(0f); NDArray scaled = x.mul(alpha)) {
            return NDArrays.where(negative, scaled, x);
        }
    }
}
