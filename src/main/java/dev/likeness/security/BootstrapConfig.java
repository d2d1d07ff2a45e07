package dev.likeness.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** How a fresh installation gets its first application. */
@ConfigMapping(prefix = "likeness.bootstrap")
public interface BootstrapConfig {

    /**
     * Key for the application created on first start when none exists (e.g. from a Kubernetes
     * Secret). Unset: a key is generated and printed once to standard output. Dev mode uses a
     * fixed, documented key.
     */
    Optional<String> apiKey();

    /** Name of the first application. */
    @WithDefault("Default application")
    String applicationName();

    /**
     * {@code live} or {@code sandbox}: the decisions' and webhooks' {@code environment} and the
     * generated key's prefix. Unset: taken from the configured key's prefix ({@code sk_test_} is
     * sandbox, as with Didit), else {@code live}. A value that contradicts the key's prefix stops
     * start-up.
     */
    Optional<String> environment();
}
