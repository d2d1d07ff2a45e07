package dev.likeness.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Session lifetime and housekeeping. */
@ConfigMapping(prefix = "likeness.sessions")
public interface SessionConfig {

    /** How long an unfinished session stays open after creation (then Expired or Abandoned). */
    @WithDefault("7d")
    Duration expiry();

    /** How often the expiry job looks for sessions past their time. */
    @WithDefault("60s")
    Duration expiryInterval();
}
