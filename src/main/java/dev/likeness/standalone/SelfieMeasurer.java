package dev.likeness.standalone;

import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.FaceEngine;
import dev.likeness.face.InferenceSlots;
import dev.likeness.liveness.PassiveLivenessScorer;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds the face in a selfie, estimates its attributes and scores its passive liveness, in one inference slot. */
@ApplicationScoped
class SelfieMeasurer {

    /** The analysis and the 0–100 liveness score (null without a face). */
    record Measured(FaceAnalysis analysis, Double score) {
    }

    private final FaceEngine engine;
    private final PassiveLivenessScorer scorer;
    private final InferenceSlots slots;

    SelfieMeasurer(FaceEngine engine, PassiveLivenessScorer scorer, InferenceSlots slots) {
        this.engine = engine;
        this.scorer = scorer;
        this.slots = slots;
    }

    Measured measure(StandaloneImage.Upload user, boolean rotate) {
        scorer.requireAvailable();
        return slots.run(() -> {
            FaceAnalysis analysis = engine.analyze(user.decoded().image(), new AnalysisOptions(rotate, false, true));
            Double score = analysis.subject().map(s -> scorer.score(analysis.image(), s.face())).orElse(null);
            return new Measured(analysis, score);
        });
    }
}
