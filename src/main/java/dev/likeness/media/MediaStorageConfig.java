package dev.likeness.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Where stored images live, how they are encrypted, and how their links are signed. */
@ConfigMapping(prefix = "likeness.media")
public interface MediaStorageConfig {

    /** {@code database} keeps encrypted bytes in PostgreSQL; {@code directory} in files under {@link #directory()}. */
    @WithDefault("database")
    String storage();

    /** Directory for {@code storage=directory}; must be shared by all replicas (a volume). */
    Optional<String> directory();

    /** AES-256 key (32 bytes, Base64) that encrypts new images. Required outside dev and test. */
    String encryptionKey();

    /** Name stored with each image so the key can be rotated later. */
    @WithDefault("k1")
    String encryptionKeyId();

    /** Retired keys by id, still used to decrypt older images after a rotation. */
    Map<String, String> previousKeys();

    /** HMAC key (Base64, 32+ bytes) for signed media links. Required outside dev and test. */
    String signingKey();

    /** How long a signed media link stays valid. */
    @WithDefault("4h")
    Duration linkLifetime();
}
