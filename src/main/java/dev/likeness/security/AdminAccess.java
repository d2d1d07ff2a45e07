package dev.likeness.security;

import dev.likeness.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;

/**
 * Guards {@code /admin/...} with the operator's bearer token. Without a configured token the admin
 * surface does not exist as far as callers can tell (404), so an unconfigured install exposes nothing.
 */
@ApplicationScoped
public class AdminAccess {

    private final AdminConfig config;

    public AdminAccess(AdminConfig config) {
        this.config = config;
    }

    public void check(String authorization) {
        String token = config.token().filter(t -> !t.isBlank()).orElseThrow(ApiException::notFound);
        String presented = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).trim() : "";
        byte[] expected = ApiKeyFormat.digest(token);
        byte[] actual = ApiKeyFormat.digest(presented);
        if (presented.isEmpty() || !MessageDigest.isEqual(expected, actual)) {
            throw new ApiException(401, "Invalid admin token.");
        }
    }

}
