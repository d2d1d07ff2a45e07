package dev.likeness.runtime;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts the inference engines once, with the configured threads, before any model loads: every
 * bean that loads a model takes this in its constructor, so whichever of them starts first, the
 * PyTorch engine never starts with another thread count.
 */
@ApplicationScoped
public class InferenceEngines {

    public InferenceEngines(InferenceConfig config) {
        // One intra-op thread per inference: requests run side by side on the cores instead of
        // contending for the same ones (measured: BlazeFace 60 ms vs 600+ ms on a busy 2-core box).
        TorchModels.prepare(config.intraOpThreads());
    }
}
