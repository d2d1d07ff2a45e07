package dev.likeness.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Webhook delivery: how often the outbox is polled, how long a receiver may take, how retries back off. */
@ConfigMapping(prefix = "likeness.webhooks")
public interface WebhookConfig {

    /** Run the dispatcher in this process. Turn off on replicas that should only serve the API. */
    @WithDefault("true")
    boolean dispatcherEnabled();

    /** How often the outbox is checked when idle; a committed status change also wakes it at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /** TCP connect timeout towards a receiver. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Whole-request timeout towards a receiver (until the status line and the response snippet). */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * Wait before retry n (1-based) after a failed attempt; the last entry repeats. Keep the last
     * entry at or under an hour so a failing receiver is tried at least hourly.
     */
    @WithDefault("10s,30s,1m,2m,5m,10m,30m,1h")
    List<Duration> retryBackoff();

    /** An event that still fails this long after its first attempt is marked failed (resend still works). */
    @WithDefault("24h")
    Duration maxAge();

    /**
     * How long a claimed event belongs to the process that claimed it. A process that dies mid-send
     * leaves its claims behind; other replicas take them over once the lease runs out. Must exceed
     * connect-timeout + request-timeout.
     */
    @WithDefault("60s")
    Duration lease();

    /** Parallel sends per process; a slow receiver occupies sender slots, never an API request thread. */
    @WithDefault("16")
    int maxConcurrency();

    /** Events of one destination in flight at once (over all replicas), so a dead receiver cannot take every slot. */
    @WithDefault("4")
    int perDestinationConcurrency();

    /** Delivered and failed events, with their delivery log, are deleted this long after they finished. */
    @WithDefault("30d")
    Duration retention();

    /**
     * Accept receivers on loopback, link-local (cloud metadata such as 169.254.169.254), private
     * (RFC 1918 / unique-local) and other non-public addresses. Off by default, because any API key
     * could otherwise point deliveries at the internal network and read the first KB of each answer
     * in the delivery log. Turn on for single-tenant installs whose receiver is a neighbour on the
     * private network ({@code LIKENESS_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true}). Checked when a URL is
     * configured and again before every send, since DNS answers change.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();
}
