package dev.likeness.runtime.tfjs;

/** Which engine runs the TF.js graph models (BlazeFace, FaceMesh, FaceRes). */
public enum GraphEngine {

    /**
     * The graph translated to ONNX when it loads ({@link TfjsToOnnx}) and run by OnnxRuntime, whose
     * fused, blocked convolutions take 1.7 to 2.5 times less CPU than PyTorch's op-by-op execution
     * on these batch-1 graphs (FaceRes 9.9 against 21.2 ms, FaceMesh 3.6 against 9.0, BlazeFace 8.5
     * against 14.1).
     */
    ONNX_RUNTIME,

    /** The graph as a DJL block of PyTorch NDArray operations ({@link TfjsGraphBlock}). */
    PYTORCH
}
