package dev.likeness.security;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The operator's admin surface. */
@ConfigMapping(prefix = "likeness.admin")
public interface AdminConfig {

    /** Bearer token for {@code /admin/...}. Unset: the admin surface answers 404 to everyone. */
    Optional<String> token();
}
