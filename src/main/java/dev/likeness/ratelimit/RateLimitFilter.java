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
 * Applies the budgets to {@code /v3} calls and reports them on every answer with Didit's
 * {@code X-RateLimit-*} headers (plus {@code Retry-After} on a 429). An authenticated call draws on
 * its API key's budgets. Before that, the client address must not have spent its budget of
 * rejected keys, so a flood of guessed keys is stopped before the key lookup. The address is the
 * peer as Quarkus reports it: the forwarded client only when {@code quarkus.http.proxy.*} says the
 * peer is a trusted proxy, never a header any client could write.
 */
public class RateLimitFilter {

    private static final String VERDICT = "likeness.rate-limit.verdict";
    private static final String ADDRESS = "likeness.rate-limit.address";

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

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 10)
    public Optional<Response> guardKeyLookup(ContainerRequestContext request, HttpServerRequest http) {
        if (!applies(request)) {
            return Optional.empty();
        }
        String address = "ip:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        request.setProperty(ADDRESS, address);
        return limiter.peek(address, policy.rejectedKeys(), System.currentTimeMillis())
                .filter(verdict -> !verdict.allowed())
                .map(verdict -> throttle(request, verdict));
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 10)
    public Optional<Response> limit(ContainerRequestContext request) {
        if (!applies(request) || !caller.isAuthenticated()) {
            return Optional.empty();
        }
        return limiter.acquire("key:" + caller.apiKeyId(),
                        policy.scopesFor(request.getMethod(), request.getUriInfo().getPath()), System.currentTimeMillis())
                .flatMap(verdict -> verdict.allowed() ? remember(request, verdict) : Optional.of(throttle(request, verdict)));
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
        } else if (request.getProperty(ADDRESS) instanceof String address && !caller.isAuthenticated()
                && (response.getStatus() == 401 || response.getStatus() == 403)) {
            // The key filter turned the request away: the key was missing, unknown or revoked.
            limiter.count(address, policy.rejectedKeys(), System.currentTimeMillis());
        }
    }

    private boolean applies(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return config.enabled() && (path.startsWith("/v3/") || path.equals("/v3"));
    }

    private static Optional<Response> remember(ContainerRequestContext request, SlidingWindowLimiter.Verdict verdict) {
        request.setProperty(VERDICT, verdict);
        return Optional.empty();
    }

    private static Response throttle(ContainerRequestContext request, SlidingWindowLimiter.Verdict verdict) {
        request.setProperty(VERDICT, verdict);
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("Request was throttled. Expected available in " + verdict.retryAfterSeconds()
                        + " seconds.", "rate_limited"))
                .header("Retry-After", verdict.retryAfterSeconds())
                .build();
    }
}
