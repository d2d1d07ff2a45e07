package dev.likeness.runtime;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many requests run models at once (CPU cores by default). Past capacity a request waits
 * up to the configured time and is then turned away ({@link InferenceBusyException}: 503 with
 * {@code Retry-After}), so overload
 * means slower answers and then refusals, never an out-of-memory crash.
 */
@ApplicationScoped
public class InferenceSlots {

    /** Two results computed together. */
    public record Both<A, B>(A first, B second) {
    }

    private final Semaphore slots;
    private final long timeoutMillis;
    private final ExecutorService helpers;

    public InferenceSlots(InferenceConfig config) {
        int permits = Math.max(1, config.concurrency().orElse(Runtime.getRuntime().availableProcessors()));
        this.slots = new Semaphore(permits, true);
        this.timeoutMillis = config.queueTimeout().toMillis();
        AtomicInteger counter = new AtomicInteger();
        this.helpers = Executors.newFixedThreadPool(permits, r -> {
            Thread thread = new Thread(r, "inference-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> T run(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    /**
     * For work already inside {@link #run}: both side by side when a second slot is free right now
     * (an idle service answers a two-image request in the time of one), else one after the other in
     * the caller's slot. Never waits for a slot, so it cannot deadlock.
     */
    public <A, B> Both<A, B> alongside(Supplier<A> first, Supplier<B> second) {
        if (!slots.tryAcquire()) {
            return new Both<>(first.get(), second.get());
        }
        Future<B> other;
        try {
            other = helpers.submit(() -> {
                try {
                    return second.get();
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        A a = first.get();
        return new Both<>(a, join(other));
    }

    @PreDestroy
    void shutdown() {
        helpers.shutdownNow();
    }

    private void acquire() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceBusyException();
        }
        if (!acquired) {
            throw new InferenceBusyException();
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for inference", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("inference failed", e.getCause());
        }
    }
}
