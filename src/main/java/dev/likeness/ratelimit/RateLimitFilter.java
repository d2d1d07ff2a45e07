package dev.likeness.ratelimit;

import dev.likeness.common.ApiError;
import dev.likeness.security.Caller;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Optional;

/**
 * Applies the per-key budgets to {@code /v3} calls after authentication, and reports the budget on
 * every answer with Didit's {@code X-RateLimit-*} headers (plus {@code Retry-After} on a 429).
 * Counters identify the caller by API key, else the first {@code X-Forwarded-For} hop, else the
 * peer address, as Didit documents.
 */
public class RateLimitFilter {

    private static final String VERDICT = "likeness.rate-limit.verdict";

    private final RateLimitConfig config;
    private final RateLimitPolicy policy;
    private final SlidingWindowLimiter limiter;
    private final Caller caller;

    public RateLimitFilter(RateLimitConfig config, RateLimitPolicy policy, SlidingWindowLimiter limiter, Caller caller) {
        this.config = config;
        this.policy = policy;
        this.limiter = limiter;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 10)
    public Optional<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!config.enabled() || !(path.startsWith("/v3/") || path.equals("/v3"))) {
            return Optional.empty();
        }
        var verdict = limiter.acquire(identity(request, http), policy.scopesFor(request.getMethod(), path),
                System.currentTimeMillis());
        request.setProperty(VERDICT, verdict);
        if (verdict.allowed()) {
            return Optional.empty();
        }
        return Optional.of(Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("Request was throttled. Expected available in " + verdict.retryAfterSeconds()
                        + " seconds.", "rate_limited"))
                .header("Retry-After", verdict.retryAfterSeconds())
                .build());
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(VERDICT) instanceof SlidingWindowLimiter.Verdict verdict) {
            response.getHeaders().putSingle("X-RateLimit-Limit", verdict.limit());
            response.getHeaders().putSingle("X-RateLimit-Remaining", verdict.remaining());
            response.getHeaders().putSingle("X-RateLimit-Reset", verdict.resetEpochSeconds());
            if (!verdict.allowed()) {
                response.getHeaders().putSingle("Retry-After", verdict.retryAfterSeconds());
            }
        }
    }

    private String identity(ContainerRequestContext request, HttpServerRequest http) {
        if (caller.isAuthenticated()) {
            return "key:" + caller.apiKeyId();
        }
        String forwarded = request.getHeaderString("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return "ip:" + forwarded.split(",")[0].trim();
        }
        return "ip:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }
}
