package dev.likeness.face;

import dev.likeness.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many requests run models at once (CPU cores by default). Past capacity a request waits
 * up to the configured time and is then turned away with 503 and {@code Retry-After}, so overload
 * means slower answers and then refusals, never an out-of-memory crash.
 */
@ApplicationScoped
public class InferenceSlots {

    private final Semaphore slots;
    private final long timeoutMillis;

    public InferenceSlots(InferenceConfig config) {
        int permits = config.concurrency().orElse(Runtime.getRuntime().availableProcessors());
        this.slots = new Semaphore(Math.max(1, permits), true);
        this.timeoutMillis = config.queueTimeout().toMillis();
    }

    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private static ApiException busy() {
        return new ApiException(503, "The service is at capacity; retry shortly.", "inference_busy",
                Map.of("Retry-After", "2"));
    }
}
