package dev.likeness.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Didit-shaped keys: {@code sk_live_} or {@code sk_test_} followed by 43 URL-safe characters
 * (32 random bytes). Such a key has 256 bits of entropy, so a plain SHA-256 digest is a safe
 * stored form: no salt or slow hash is needed to stop guessing.
 */
public final class ApiKeyFormat {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    public static String generate(String environment) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return prefixFor(environment) + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String prefixFor(String environment) {
        return "sandbox".equals(environment) ? "sk_test_" : "sk_live_";
    }

    /** True for the new prefixed format; un-prefixed legacy keys are still accepted at lookup. */
    public static boolean isWellFormed(String key) {
        return key != null && key.matches("sk_(live|test)_[A-Za-z0-9_-]{43}");
    }

    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(12, key.length()));
    }
}
