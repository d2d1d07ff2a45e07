package dev.likeness.runtime.tfjs;

/** Which engine runs the TF.js graph models (BlazeFace, FaceMesh, FaceRes). */
public enum GraphEngine {

    /**
     * The graph translated to ONNX when it loads ({@link TfjsToOnnx}) and run by OnnxRuntime, whose
     * fused, blocked convolutions take 2 to 2.5 times less CPU than PyTorch's op-by-op execution
     * on these batch-1 graphs.
     */
    ONNX_RUNTIME,

    /** The graph as a DJL block of PyTorch NDArray operations ({@link TfjsGraphBlock}). */
    PYTORCH
}
