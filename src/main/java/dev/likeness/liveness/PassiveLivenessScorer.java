package dev.likeness.liveness;

import ai.djl.modality.cv.ImageFactory;
import dev.likeness.common.ApiException;
import dev.likeness.face.DetectedFace;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Passive liveness on 0–100: MiniFASNet's real-face probability × 100 for the face in the whole
 * camera frame. The weights are the operator's to install; without them this says so instead of
 * guessing, and everything else keeps working.
 */
@Startup
@ApplicationScoped
public class PassiveLivenessScorer {

    private static final Logger LOG = Logger.getLogger(PassiveLivenessScorer.class);

    private final Optional<MiniFasNetScorer> scorer;
    private final String unavailableReason;

    public PassiveLivenessScorer(LivenessConfig config) {
        Optional<MiniFasNetScorer> loaded = Optional.empty();
        String reason = null;
        if (config.weightsDir().isEmpty()) {
            reason = "likeness.liveness.weights-dir is not set";
        } else {
            Path dir = Path.of(config.weightsDir().get()).toAbsolutePath();
            try {
                loaded = MiniFasNetScorer.loadIfInstalled(dir);
                if (loaded.isEmpty()) {
                    reason = "the MiniFASNet weight files are not in " + dir;
                }
            } catch (Exception e) {
                reason = "the MiniFASNet weights in " + dir + " could not be loaded: " + e.getMessage();
            }
        }
        this.scorer = loaded;
        this.unavailableReason = reason;
        if (reason != null) {
            LOG.warnf("passive liveness is unavailable: %s (see README, 'Passive liveness weights')", reason);
        } else {
            LOG.info("passive liveness weights loaded");
        }
    }

    public boolean available() {
        return scorer.isPresent();
    }

    /** Why it is unavailable, for readiness; null when available. */
    public String unavailableReason() {
        return unavailableReason;
    }

    /** Answers 503 {@code liveness_model_unavailable} when the weights are not installed. */
    public void requireAvailable() {
        if (scorer.isEmpty()) {
            throw new ApiException(503, "Passive liveness is not available: the anti-spoofing model is not installed.",
                    "liveness_model_unavailable");
        }
    }

    /** 0–100, two decimals; the face must come from this same frame. */
    public double score(BufferedImage frame, DetectedFace face) {
        requireAvailable();
        float real = scorer.get().realScore(ImageFactory.getInstance().fromImage(frame), face);
        return Math.round(real * 100.0 * 100.0) / 100.0;
    }

    @PreDestroy
    void close() {
        scorer.ifPresent(MiniFasNetScorer::close);
    }
}
