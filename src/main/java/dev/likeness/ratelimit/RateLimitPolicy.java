package dev.likeness.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which budgets a request draws on: its endpoint's own scope, if any, and the global one for its
 * method; and the budget of rejected keys per client address.
 */
@ApplicationScoped
public class RateLimitPolicy {

    public record Scope(String name, int limit) {
    }

    private static final Pattern DECISION = Pattern.compile("/v3/session/[^/]+/decision/?");
    private static final Pattern SESSION_CREATE = Pattern.compile("/v3/session/?");

    private final RateLimitConfig config;

    public RateLimitPolicy(RateLimitConfig config) {
        this.config = config;
    }

    public List<Scope> scopesFor(String method, String path) {
        List<Scope> scopes = new ArrayList<>(2);
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (read && DECISION.matcher(path).matches()) {
            scopes.add(new Scope("decision", config.decision()));
        } else if ("POST".equals(method) && SESSION_CREATE.matcher(path).matches()) {
            scopes.add(new Scope("session-create", config.sessionCreate()));
        }
        scopes.add(read ? new Scope("generic-get", config.genericGet()) : new Scope("generic-write", config.genericWrite()));
        return scopes;
    }

    public Scope rejectedKeys() {
        return new Scope("rejected-key", config.rejectedKey());
    }
}
