package dev.likeness.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Request budgets, counted across all replicas in PostgreSQL; the per-key defaults are Didit's
 * published limits.
 */
@ConfigMapping(prefix = "likeness.rate-limit")
public interface RateLimitConfig {

    /** Turn limiting off entirely (e.g. behind a gateway that already limits). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Length of the sliding window. Every replica must use the same value: counters are stored per
     * fixed window of this length.
     */
    @WithDefault("60s")
    Duration window();

    /** GET requests per window, all endpoints together ({@code generic-get}). */
    @WithDefault("600")
    int genericGet();

    /** POST/PATCH/PUT/DELETE requests per window, all endpoints together ({@code generic-write}). */
    @WithDefault("300")
    int genericWrite();

    /** {@code POST /v3/session/} per window. */
    @WithDefault("600")
    int sessionCreate();

    /** {@code GET /v3/session/{id}/decision/} per window. */
    @WithDefault("100")
    int decision();

    /**
     * Requests with a missing, unknown or revoked API key per window and client address. Once spent,
     * every {@code /v3} request from that address is throttled before its key is looked up, so
     * nobody can guess keys faster than this.
     */
    @WithDefault("30")
    int rejectedKey();
}
