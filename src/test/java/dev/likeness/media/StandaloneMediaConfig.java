package dev.likeness.media;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.util.Map;

/** The mapping as the service builds it, from defaults plus optional overrides, without Quarkus. */
final class StandaloneMediaConfig {

    private StandaloneMediaConfig() {
    }

    static MediaConfig config(Map<String, String> overrides) {
        // The keys have no defaults (production must set them); any well-formed values do here.
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "likeness.media.encryption-key", "dGVzdC1vbmx5LW1lZGlhLWtleS1kby1ub3QtdXNlISE=",
                "likeness.media.signing-key", "dGVzdC1vbmx5LXNpZ25pbmcta2V5LWRvLW5vdC11c2UtMTIzNDU=",
                // Plain SmallRye reads ISO-8601 durations only; Quarkus also takes the default's "4h".
                "likeness.media.link-lifetime", "PT4H"));
        values.putAll(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(MediaConfig.class)
                .withDefaultValues(values)
                .build();
        return config.getConfigMapping(MediaConfig.class);
    }

    static DecodeLimits portrait() {
        return config(Map.of()).portraitLimits();
    }
}
