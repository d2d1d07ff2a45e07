package dev.likeness.ratelimit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exact sliding-window log per caller and scope, in this process's memory. A request is admitted
 * only if every scope it draws on has room, and then counts against all of them, so a rejected
 * request spends nothing. Memory per caller is bounded by the sum of its scopes' limits.
 */
@ApplicationScoped
public class SlidingWindowLimiter {

    /** The outcome for one request, with the numbers for the {@code X-RateLimit-*} headers. */
    public record Verdict(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    private final Map<String, CallerWindows> callers = new ConcurrentHashMap<>();
    private final Duration window;

    public SlidingWindowLimiter(RateLimitConfig config) {
        this.window = config.window();
    }

    public Verdict acquire(String caller, List<RateLimitPolicy.Scope> scopes, long nowMillis) {
        CallerWindows windows = callers.computeIfAbsent(caller, k -> new CallerWindows());
        return windows.acquire(scopes, nowMillis, window.toMillis());
    }

    @Scheduled(every = "5m", identity = "rate-limit-eviction")
    void evictIdle() {
        long now = System.currentTimeMillis();
        callers.entrySet().removeIf(entry -> entry.getValue().isIdle(now, window.toMillis()));
    }

    private static final class CallerWindows {
        private final Map<String, ArrayDeque<Long>> logs = new HashMap<>();

        synchronized Verdict acquire(List<RateLimitPolicy.Scope> scopes, long now, long windowMillis) {
            Verdict tightest = null;
            for (RateLimitPolicy.Scope scope : scopes) {
                ArrayDeque<Long> log = logs.computeIfAbsent(scope.name(), k -> new ArrayDeque<>());
                evict(log, now, windowMillis);
                long reset = (log.isEmpty() ? now + windowMillis : log.peekFirst() + windowMillis) / 1000 + 1;
                if (log.size() >= scope.limit()) {
                    long retryAfter = Math.max(1, (log.peekFirst() + windowMillis - now + 999) / 1000);
                    return new Verdict(false, scope.limit(), 0, reset, retryAfter);
                }
                int remaining = scope.limit() - log.size() - 1;
                if (tightest == null || remaining < tightest.remaining()) {
                    tightest = new Verdict(true, scope.limit(), remaining, reset, 0);
                }
            }
            for (RateLimitPolicy.Scope scope : scopes) {
                logs.get(scope.name()).addLast(now);
            }
            return tightest;
        }

        synchronized boolean isIdle(long now, long windowMillis) {
            logs.values().forEach(log -> evict(log, now, windowMillis));
            return logs.values().stream().allMatch(ArrayDeque::isEmpty);
        }

        private static void evict(ArrayDeque<Long> log, long now, long windowMillis) {
            while (!log.isEmpty() && log.peekFirst() <= now - windowMillis) {
                log.pollFirst();
            }
        }
    }
}
