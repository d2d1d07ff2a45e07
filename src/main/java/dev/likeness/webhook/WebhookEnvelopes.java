package dev.likeness.webhook;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.common.StoredJson;
import dev.likeness.security.Application;
import dev.likeness.session.VerificationSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the body of an event at send time: everything except {@code timestamp},
 * which the dispatcher stamps per attempt. {@code decision} comes from the decision package's
 * {@link WebhookDecisionSource}; while none is deployed, from a minimal view of the session row.
 */
@ApplicationScoped
public class WebhookEnvelopes {

    /** An event ready to sign, or the reason it can never be sent. */
    public record Prepared(UUID eventRowId, int attempt, String url, String secret, Map<String, Object> envelope,
                           String undeliverable) {
    }

    private final Instance<WebhookDecisionSource> decisions;
    private final ObjectMapper mapper;
    private final StoredJson json;

    public WebhookEnvelopes(Instance<WebhookDecisionSource> decisions, ObjectMapper mapper, StoredJson json) {
        this.decisions = decisions;
        this.mapper = mapper;
        this.json = json;
    }

    /** Empty when the event or its destination no longer exists (deleted together with the destination). */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Prepared> prepare(UUID eventRowId) {
        WebhookEvent event = WebhookEvent.findById(eventRowId);
        WebhookDestination destination = event == null ? null : WebhookDestination.findById(event.destinationId);
        if (destination == null || destination.url == null) {
            return Optional.empty();
        }
        int attempt = event.attempts + 1;
        if (event.payload != null) {
            return Optional.of(new Prepared(event.id, attempt, destination.url, destination.secretSharedKey,
                    userEnvelope(event), null));
        }
        VerificationSession session = VerificationSession.findById(event.sessionId);
        if (session == null || session.deletedAt != null || !session.applicationId.equals(event.applicationId)) {
            return Optional.of(new Prepared(event.id, attempt, destination.url, destination.secretSharedKey, null,
                    "Session no longer exists."));
        }
        Application application = Application.findById(event.applicationId);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event_id", event.eventId.toString());
        envelope.put("webhook_type", event.webhookType);
        envelope.put("timestamp", null);
        envelope.put("created_at", event.createdAt.toEpochSecond());
        envelope.put("application_id", event.applicationId.toString());
        envelope.put("environment", application == null ? null : application.environment);
        envelope.put("session_id", session.id.toString());
        envelope.put("status", event.status);
        envelope.put("workflow_id", session.workflowId == null ? null : session.workflowId.toString());
        envelope.put("workflow_version", session.workflowVersion);
        envelope.put("vendor_data", session.vendorData);
        envelope.put("metadata", json.tree(session.metadata));
        envelope.put("decision", decision(session));
        return Optional.of(new Prepared(event.id, attempt, destination.url, destination.secretSharedKey, envelope, null));
    }

    /**
     * User events are flat: the common head of every event, then the fields
     * fixed when the event was raised.
     */
    private Map<String, Object> userEnvelope(WebhookEvent event) {
        Application application = Application.findById(event.applicationId);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event_id", event.eventId.toString());
        envelope.put("webhook_type", event.webhookType);
        envelope.put("timestamp", null);
        envelope.put("created_at", event.createdAt.toEpochSecond());
        envelope.put("application_id", event.applicationId.toString());
        envelope.put("environment", application == null ? null : application.environment);
        envelope.putAll(json.read(event.payload, new TypeReference<LinkedHashMap<String, Object>>() {
        }));
        return envelope;
    }

    private Object decision(VerificationSession session) {
        if (decisions.isResolvable()) {
            Optional<Map<String, Object>> built = decisions.get().decision(session.applicationId, session.id);
            if (built.isPresent()) {
                // Normalises records, dates and the like exactly as the decision endpoint would render them.
                return mapper.valueToTree(built.get());
            }
        }
        return minimalDecision(session);
    }

    /**
     * Stand-in until the decision package provides {@link WebhookDecisionSource}: only what the
     * session row itself holds, nothing inferred.
     */
    private Map<String, Object> minimalDecision(VerificationSession session) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("session_id", session.id.toString());
        decision.put("session_number", session.sessionNumber);
        decision.put("status", session.status.wire());
        decision.put("vendor_data", session.vendorData);
        decision.put("metadata", json.tree(session.metadata));
        decision.put("workflow_id", session.workflowId == null ? null : session.workflowId.toString());
        decision.put("features", json.tree(session.features));
        return decision;
    }
}
