package dev.likeness.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Shows a stored session as the create answer does ({@link SessionView}). */
@ApplicationScoped
public class SessionViews {

    private final SessionUrls urls;
    private final ObjectMapper mapper;

    public SessionViews(SessionUrls urls, ObjectMapper mapper) {
        this.urls = urls;
        this.mapper = mapper;
    }

    public SessionView of(VerificationSession session) {
        return new SessionView(session.id, session.sessionNumber, session.sessionToken, urls.url(session),
                session.vendorData, metadata(session.metadata), session.status, session.workflowId,
                session.workflowVersion, session.callback, session.sessionKind);
    }

    private JsonNode metadata(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
