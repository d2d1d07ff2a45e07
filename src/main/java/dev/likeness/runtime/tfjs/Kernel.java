package dev.likeness.runtime.tfjs;

import ai.djl.ndarray.NDArray;

/**
 * One compiled graph node. Inputs arrive NHWC like in TensorFlow; implementations must not keep
 * per-call state, since one compiled graph serves concurrent forwards.
 */
@FunctionalInterface
interface Kernel {

    NDArray apply(NDArray[] inputs);
}
