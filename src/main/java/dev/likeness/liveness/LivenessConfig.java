package dev.likeness.liveness;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Where the operator installed the passive anti-spoofing weights (README, "Passive liveness weights"). */
@ConfigMapping(prefix = "likeness.liveness")
public interface LivenessConfig {

    /**
     * Directory holding MiniFASNet's two weight files. Unset or incomplete: passive liveness answers
     * 503 {@code liveness_model_unavailable} and readiness reports it, the rest of the service runs.
     */
    Optional<String> weightsDir();
}
