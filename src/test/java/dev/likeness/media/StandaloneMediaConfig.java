package dev.likeness.media;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.util.Map;

/** The mapping as the service builds it, from defaults plus optional overrides, without Quarkus. */
final class StandaloneMediaConfig {

    private StandaloneMediaConfig() {
    }

    static MediaLimitsConfig config(Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(MediaLimitsConfig.class)
                .withDefaultValues(overrides)
                .build();
        return config.getConfigMapping(MediaLimitsConfig.class);
    }

    static DecodeLimits portrait() {
        return config(Map.of()).portraitLimits();
    }
}
