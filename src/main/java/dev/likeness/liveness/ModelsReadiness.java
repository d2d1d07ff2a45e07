package dev.likeness.liveness;

import dev.likeness.face.FaceModels;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness names the models: the face models must be loaded (the service would not have started
 * otherwise); passive liveness is reported, and does not make the pod unready when the operator has
 * chosen not to install its weights.
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
                .status(faceModels != null)
                .withData("face_models", "loaded")
                .withData("passive_liveness", liveness.available() ? "loaded" : "unavailable: " + liveness.unavailableReason())
                .build();
    }
}
