package dev.likeness.session;

import dev.likeness.common.PublicUrlConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Where the end user opens a session: the hosted capture page, in the session's language when it has one. */
@ApplicationScoped
public class SessionUrls {

    private final PublicUrlConfig publicUrl;

    public SessionUrls(PublicUrlConfig publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** Null once the session has no token (deleted): there is nothing left to open. */
    public String url(VerificationSession session) {
        if (session.sessionToken == null) {
            return null;
        }
        String language = session.language == null ? "" : "/" + session.language;
        return publicUrl.link(language + "/session/" + session.sessionToken);
    }
}
