package dev.likeness.session;

import dev.likeness.common.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;

/** Shows a stored session as the create answer does ({@link SessionView}). */
@ApplicationScoped
public class SessionViews {

    private final SessionUrls urls;
    private final StoredJson json;

    public SessionViews(SessionUrls urls, StoredJson json) {
        this.urls = urls;
        this.json = json;
    }

    public SessionView of(VerificationSession session) {
        return new SessionView(session.id, session.sessionNumber, session.sessionToken, urls.url(session),
                session.vendorData, json.tree(session.metadata), session.status, session.workflowId,
                session.workflowVersion, session.callback, session.sessionKind);
    }
}
