package dev.likeness.liveness;

import dev.likeness.face.FaceModels;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness names the models: the face models must be loaded (the service would not have started
 * otherwise), and the configured passive liveness model too: without it every selfie would answer
 * 503, so the pod takes no traffic.
 */
@Readiness
@ApplicationScoped
public class ModelsReadiness implements HealthCheck {

    private final FaceModels faceModels;
    private final PassiveLivenessScorer liveness;

    public ModelsReadiness(FaceModels faceModels, PassiveLivenessScorer liveness) {
        this.faceModels = faceModels;
        this.liveness = liveness;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("models")
                .status(faceModels != null && liveness.available())
                .withData("face_models", "loaded (pack " + faceModels.pack().name().toLowerCase() + ")")
                .withData("passive_liveness", liveness.model().name().toLowerCase().replace('_', '-')
                        + (liveness.available() ? ": loaded" : ": unavailable: " + liveness.unavailableReason()))
                .build();
    }
}
