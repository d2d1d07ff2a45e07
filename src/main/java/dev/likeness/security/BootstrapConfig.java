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

    /** {@code live} or {@code sandbox}: decides the key prefix and the decisions' {@code environment}. */
    @WithDefault("live")
    String environment();
}
