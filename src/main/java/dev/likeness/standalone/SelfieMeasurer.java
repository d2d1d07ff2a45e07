package dev.likeness.standalone;

import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.FaceEngine;
import dev.likeness.liveness.PassiveLivenessScorer;
import dev.likeness.runtime.InferenceSlots;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Decodes a selfie, finds its face, estimates its attributes, describes it for face-index screening
 * and scores its passive liveness, in one inference slot.
 */
@ApplicationScoped
class SelfieMeasurer {

    /** The upload, its analysis and the 0–100 liveness score (null without a face). */
    record Measured(StandaloneImage.Upload upload, FaceAnalysis analysis, Double score) {
    }

    private final FaceEngine engine;
    private final PassiveLivenessScorer scorer;
    private final InferenceSlots slots;

    SelfieMeasurer(FaceEngine engine, PassiveLivenessScorer scorer, InferenceSlots slots) {
        this.engine = engine;
        this.scorer = scorer;
        this.slots = slots;
    }

    /**
     * @param read reads, decodes and validates the upload; it runs inside the inference slot, so a
     *     request waiting for a slot holds no decoded image
     */
    Measured measure(Supplier<StandaloneImage.Upload> read, boolean rotate) {
        return slots.run(() -> {
            StandaloneImage.Upload user = read.get();
            scorer.requireAvailable();
            FaceAnalysis analysis = engine.analyze(user.decoded().image(), new AnalysisOptions(rotate, true, true));
            Double score = analysis.subject().map(s -> scorer.score(analysis.image(), s.face())).orElse(null);
            return new Measured(user, analysis, score);
        });
    }
}
