package dev.likeness.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the request line, enforced here so that refusals carry the contract's JSON body. */
@ConfigMapping(prefix = "likeness.http")
public interface RequestLimitsConfig {

    /**
     * Longest request URI (path and query) served; a longer one is a JSON 414. Must stay below
     * {@code quarkus.http.limits.max-initial-line-length}, beyond which Vert.x itself answers a
     * bodyless 414 before any handler runs.
     */
    @WithDefault("4096")
    int maxUriLength();
}
