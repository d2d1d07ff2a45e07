package dev.likeness.liveness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Liveness settings: the passive weights (README, "Passive liveness weights") and active challenges. */
@ConfigMapping(prefix = "likeness.liveness")
public interface LivenessConfig {

    /**
     * The passive anti-spoofing model: {@code fr-liveness} (default, fetched by the build),
     * {@code minifasnet} or {@code average} (both need {@link #weightsDir()}). When the chosen
     * model cannot load, passive liveness answers 503 {@code liveness_model_unavailable} and
     * readiness is DOWN.
     */
    @WithDefault("fr-liveness")
    PassiveModel passiveModel();

    /** Directory holding MiniFASNet's two weight files (only read when the passive model uses them). */
    Optional<String> weightsDir();

    /** Active liveness (README, "Active liveness"). */
    Active active();

    interface Active {

        /**
         * Wire names of moves every challenge asks for, in order (e.g. {@code turn_left,look_up}),
         * instead of random ones. Only for tests that need a known sequence, such as the browser test
         * whose fake camera plays a fixed video: a predictable challenge is no challenge, so never set
         * it in production.
         */
        Optional<List<String>> fixedSteps();
    }
}
