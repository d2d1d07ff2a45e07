package dev.likeness.common;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Requests that no REST resource, health or metrics route claims would otherwise get Vert.x's
 * plain-text 404; clients of this API expect JSON on every answer.
 */
@ApplicationScoped
public class UnknownRouteFallback {

    void register(@Observes Router router) {
        router.route().last().handler(rc -> rc.response()
                .setStatusCode(404)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end("{\"detail\":\"Not found.\"}"));
    }
}
