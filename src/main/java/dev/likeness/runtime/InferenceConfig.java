package dev.likeness.runtime;

import dev.likeness.runtime.tfjs.GraphEngine;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.OptionalInt;

/** Where the face models are and how much inference may run at once. */
@ConfigMapping(prefix = "likeness.models")
public interface InferenceConfig {

    /** Directory holding the fetched model files (the build writes them to target/models). */
    @WithDefault("target/models")
    String dir();

    /** Requests analysed at the same time; default: the number of CPU cores. */
    OptionalInt concurrency();

    /** PyTorch intra-op threads per inference; parallelism comes from running requests side by side. */
    @WithDefault("1")
    int intraOpThreads();

    /**
     * Engine for the TF.js graph models (BlazeFace, FaceMesh, FaceRes): {@code onnx-runtime} (their
     * graphs translated to ONNX at start-up; about half the CPU) or {@code pytorch} (op by op).
     */
    @WithDefault("onnx-runtime")
    GraphEngine graphEngine();

    /** How long a request waits for a free inference slot before it gets 503 with Retry-After. */
    @WithDefault("10s")
    Duration queueTimeout();
}
