package dev.likeness.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The decision as {@code GET /v3/session/{id}/decision/} would show it right now, for the
 * webhook's {@code decision} field. Implemented by the decision package; until a bean exists the
 * dispatcher sends a minimal view of the session row instead.
 *
 * <p>Called on a dispatcher thread inside a transaction, with a request context but no
 * authenticated caller: use the application id given, never {@code Caller}.
 */
public interface WebhookDecisionSource {

    /**
     * The decision body as a JSON-shaped tree (maps, lists, strings, numbers, booleans, null; other
     * values are converted with the application's ObjectMapper), or empty if the session is not
     * visible to that application any more.
     */
    Optional<Map<String, Object>> decision(UUID applicationId, UUID sessionId);
}
