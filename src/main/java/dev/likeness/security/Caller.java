package dev.likeness.security;

import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/**
 * Who is calling the {@code /v3} API in this request: set once by {@link ApiKeyFilter} after the key
 * checked out, read by every service that scopes data to an application.
 */
@RequestScoped
public class Caller {

    private UUID applicationId;
    private UUID apiKeyId;
    private String environment;

    void authenticate(ApiKey key, String environment) {
        this.applicationId = key.applicationId;
        this.apiKeyId = key.id;
        this.environment = environment;
    }

    public UUID applicationId() {
        if (applicationId == null) {
            throw new IllegalStateException("no authenticated application in this request");
        }
        return applicationId;
    }

    public UUID apiKeyId() {
        return apiKeyId;
    }

    public String environment() {
        return environment;
    }

    public boolean isAuthenticated() {
        return applicationId != null;
    }
}
