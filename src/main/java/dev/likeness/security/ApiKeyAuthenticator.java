package dev.likeness.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * Resolves a presented key to its stored record. The lookup is by SHA-256 digest, so the database
 * index never sees the key and the time taken does not depend on how many leading characters of
 * a guess are right; the final comparison is constant-time as well.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    public record Authenticated(ApiKey key, Application application) {
    }

    @Transactional
    public Optional<Authenticated> authenticate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 256) {
            return Optional.empty();
        }
        byte[] digest = ApiKeyFormat.digest(presented);
        return ApiKey.findByHash(digest)
                .filter(key -> MessageDigest.isEqual(key.keyHash, digest))
                .filter(ApiKey::isActive)
                .flatMap(key -> Optional.ofNullable(Application.<Application>findById(key.applicationId))
                        .map(app -> new Authenticated(key, app)));
    }
}
