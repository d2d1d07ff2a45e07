package dev.likeness.media;

import dev.likeness.common.SecretRules;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * AES-256-GCM for biometric data at rest. Each record gets a fresh 96-bit nonce and binds its own
 * id as associated data, so ciphertexts cannot be swapped between records unnoticed.
 */
@ApplicationScoped
public class MediaCipher {

    /** What is stored: the key's id, the nonce, and ciphertext with its tag. */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();

    public MediaCipher(MediaConfig config) {
        this.currentKeyId = config.encryptionKeyId();
        keys.put(currentKeyId, key(config.encryptionKey(), "likeness.media.encryption-key"));
        config.previousKeys().forEach((id, value) -> keys.putIfAbsent(id, key(value, "likeness.media.previous-keys." + id)));
    }

    public Sealed seal(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new Sealed(currentKeyId, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] open(Sealed sealed, String associatedData) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("media key " + sealed.keyId() + " is not configured; add it to likeness.media.previous-keys");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed.nonce()));
            cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored media failed authentication", e);
        }
    }

    private static SecretKeySpec key(String base64, String property) {
        return new SecretKeySpec(SecretRules.base64Key(property, base64, 32, true), "AES");
    }
}
