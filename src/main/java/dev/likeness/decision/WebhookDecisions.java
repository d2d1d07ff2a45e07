package dev.likeness.decision;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.session.VerificationSession;
import dev.likeness.webhook.WebhookDecisionSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Webhooks attach the decision exactly as the decision endpoint would return it at send time. */
@ApplicationScoped
public class WebhookDecisions implements WebhookDecisionSource {

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {
    };

    private final DecisionBuilder builder;
    private final ObjectMapper mapper;

    public WebhookDecisions(DecisionBuilder builder, ObjectMapper mapper) {
        this.builder = builder;
        this.mapper = mapper;
    }

    @Override
    @Transactional
    public Optional<Map<String, Object>> decision(UUID applicationId, UUID sessionId) {
        return VerificationSession.findVisible(applicationId, sessionId)
                .map(builder::build)
                .map(decision -> mapper.convertValue(decision, TREE));
    }
}
