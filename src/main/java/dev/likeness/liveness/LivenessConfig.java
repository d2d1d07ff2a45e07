package dev.likeness.liveness;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** Liveness settings: the passive weights (README, "Passive liveness weights") and active challenges. */
@ConfigMapping(prefix = "likeness.liveness")
public interface LivenessConfig {

    /**
     * Directory holding MiniFASNet's two weight files. Unset or incomplete: passive liveness answers
     * 503 {@code liveness_model_unavailable} and readiness reports it, the rest of the service runs.
     */
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
