package dev.likeness.liveness;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.DetectedFace;
import dev.likeness.runtime.InferenceConfig;
import dev.likeness.runtime.InferenceEngines;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Passive liveness on 0–100: the configured model's live probability × 100 for the face in the
 * whole camera frame. By default fr_liveness, which the build fetches; MiniFASNet (alone or
 * averaged in) when the operator installs its weights and chooses it. A configured model that
 * cannot load is reported ({@link LivenessModelUnavailableException} on use, readiness DOWN) instead
 * of guessed around.
 */
@Startup
@ApplicationScoped
public class PassiveLivenessScorer {

    private static final Logger LOG = Logger.getLogger(PassiveLivenessScorer.class);

    private final PassiveModel choice;
    private final Optional<FrLivenessScorer> frLiveness;
    private final Optional<MiniFasNetScorer> miniFasNet;
    private final String unavailableReason;

    public PassiveLivenessScorer(LivenessConfig config, InferenceConfig models, InferenceEngines engines) {
        this.choice = config.passiveModel();
        String reason = null;
        Optional<FrLivenessScorer> fr = Optional.empty();
        Optional<MiniFasNetScorer> mini = Optional.empty();
        if (choice != PassiveModel.MINIFASNET) {
            Path dir = Path.of(models.dir()).toAbsolutePath().resolve("faceplugin");
            try {
                fr = Optional.of(FrLivenessScorer.load(dir));
            } catch (Exception e) {
                reason = "fr_liveness in " + dir + " could not be loaded: " + e.getMessage();
            }
        }
        if (choice != PassiveModel.FR_LIVENESS) {
            if (config.weightsDir().isEmpty()) {
                reason = "likeness.liveness.weights-dir is not set";
            } else {
                Path dir = Path.of(config.weightsDir().get()).toAbsolutePath();
                try {
                    mini = MiniFasNetScorer.loadIfInstalled(dir);
                    if (mini.isEmpty()) {
                        reason = "the MiniFASNet weight files are not in " + dir;
                    }
                } catch (Exception e) {
                    reason = "the MiniFASNet weights in " + dir + " could not be loaded: " + e.getMessage();
                }
            }
        }
        this.frLiveness = fr;
        this.miniFasNet = mini;
        this.unavailableReason = reason;
        if (reason != null) {
            LOG.errorf("passive liveness (%s) is unavailable: %s (see README, 'Passive liveness')",
                    choice.name().toLowerCase(), reason);
        } else {
            LOG.infof("passive liveness model: %s", choice.name().toLowerCase());
        }
    }

    public boolean available() {
        return unavailableReason == null;
    }

    /** Why it is unavailable, for readiness; null when available. */
    public String unavailableReason() {
        return unavailableReason;
    }

    /** The configured model, for readiness. */
    public PassiveModel model() {
        return choice;
    }

    /** @throws LivenessModelUnavailableException when the configured model did not load */
    public void requireAvailable() {
        if (!available()) {
            throw new LivenessModelUnavailableException();
        }
    }

    /** 0–100, two decimals; the face must come from this same frame. */
    public double score(BufferedImage frame, DetectedFace face) {
        requireAvailable();
        Image image = ImageFactory.getInstance().fromImage(frame);
        double real = switch (choice) {
            case FR_LIVENESS -> frLiveness.orElseThrow().realScore(image, face);
            case MINIFASNET -> miniFasNet.orElseThrow().realScore(image, face);
            case AVERAGE -> (frLiveness.orElseThrow().realScore(image, face)
                    + miniFasNet.orElseThrow().realScore(image, face)) / 2.0;
        };
        return Math.round(real * 100.0 * 100.0) / 100.0;
    }

    @PreDestroy
    void close() {
        frLiveness.ifPresent(FrLivenessScorer::close);
        miniFasNet.ifPresent(MiniFasNetScorer::close);
    }
}
