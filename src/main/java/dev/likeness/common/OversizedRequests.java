package dev.likeness.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Answers requests refused for their size (413, 414) with the contract's JSON error. Quarkus's own
 * checks end the response without a body, so a declared {@code Content-Length} over the limit and an
 * over-long URI are refused here first, before they run.
 */
@ApplicationScoped
public class OversizedRequests {

    /** After {@link RequestIds} (so the answer carries its id), before Quarkus's upload limit (order -2). */
    private static final int PRIORITY = 900;

    private final Optional<MemorySize> maxBody;
    private final RequestLimitsConfig limits;

    public OversizedRequests(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody,
                             RequestLimitsConfig limits) {
        this.maxBody = maxBody;
        this.limits = limits;
    }

    void register(@Observes Filters filters) {
        filters.register(this::refuseOversized, PRIORITY);
    }

    private void refuseOversized(RoutingContext rc) {
        if (rc.request().uri().length() > limits.maxUriLength()) {
            answer(rc, 414, "Request URI too long: the limit is " + limits.maxUriLength() + " characters.", false);
            return;
        }
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && maxBody.isPresent()) {
            try {
                if (Long.parseLong(declared.trim()) > maxBody.get().asLongValue()) {
                    answer(rc, 413, "Request body too large: the limit is " + megabytes(maxBody.get()) + " MB.", true);
                    return;
                }
            } catch (NumberFormatException e) {
                answer(rc, 400, "Content-Length is not a number.", true);
                return;
            }
        }
        rc.next();
    }

    private static void answer(RoutingContext rc, int status, String detail, boolean close) {
        var response = rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (close) {
            // The unread body would otherwise be parsed as the next request on this connection.
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(ignored -> rc.request().connection().close());
        }
        response.end(new JsonObject().put("detail", detail).encode());
    }

    private static long megabytes(MemorySize size) {
        return size.asLongValue() / (1024 * 1024);
    }
}
