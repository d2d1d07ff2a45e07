package dev.likeness.measurement;

import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.FaceEngine;
import dev.likeness.liveness.PassiveLivenessScorer;
import dev.likeness.liveness.active.ActiveFindings;
import dev.likeness.liveness.active.ActiveLivenessAnalyzer;
import dev.likeness.liveness.active.ActiveScore;
import dev.likeness.liveness.active.HeadMove;
import dev.likeness.media.DecodedImage;
import dev.likeness.media.InvalidImageException;
import dev.likeness.runtime.InferenceSlots;
import dev.likeness.workflow.LivenessMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way into the face and liveness models for a capture, a standalone call or a reference picture: each
 * measurement takes an inference slot for itself and runs only the models its answer uses. For a
 * selfie the liveness method decides: {@code PASSIVE} adds the passive score and the faces' age
 * and gender; without a liveness step the face is only found, described and assessed.
 */
@ApplicationScoped
public class FaceMeasurer {

    private final FaceEngine engine;
    private final PassiveLivenessScorer passive;
    private final ActiveLivenessAnalyzer active;
    private final InferenceSlots slots;

    public FaceMeasurer(FaceEngine engine, PassiveLivenessScorer passive, ActiveLivenessAnalyzer active,
                        InferenceSlots slots) {
        this.engine = engine;
        this.passive = passive;
        this.active = active;
        this.slots = slots;
    }

    /**
     * Fails fast, before an upload is read, when a model the liveness method needs did not load.
     *
     * @throws dev.likeness.liveness.LivenessModelUnavailableException for {@code PASSIVE} without its model
     */
    public void requireModelsFor(LivenessMethod method) {
        if (method == LivenessMethod.PASSIVE) {
            passive.requireAvailable();
        }
    }

    /**
     * @param read decodes the upload (and may refuse it); it runs inside the inference slot, so a
     *     request waiting for a slot holds compressed bytes rather than a decoded picture
     * @param liveness the liveness step's method, or empty without one; a selfie proves only {@code PASSIVE}
     * @param rotate also look for the face under the four right-angle rotations
     * @throws dev.likeness.liveness.LivenessModelUnavailableException for {@code PASSIVE} without its
     *     model, once the upload has been read
     */
    public SelfieMeasurement selfie(Supplier<DecodedImage> read, Optional<LivenessMethod> liveness, boolean rotate) {
        boolean scored = liveness.isPresent();
        if (scored && liveness.get() != LivenessMethod.PASSIVE) {
            throw new IllegalArgumentException("a single selfie cannot prove " + liveness.get() + " liveness");
        }
        return slots.run(() -> {
            DecodedImage image = read.get();
            if (scored) {
                passive.requireAvailable();
            }
            FaceAnalysis analysis = engine.analyze(image.image(), new AnalysisOptions(rotate, true, scored));
            Double score = scored ? analysis.subject().map(s -> passive.score(analysis.image(), s.face())).orElse(null) : null;
            return new SelfieMeasurement(image, analysis, score);
        });
    }

    /**
     * An {@code ACTIVE_3D} burst; the best frame's passive score joins the active one when passive
     * liveness is available, and is left out otherwise.
     *
     * @param frames the decoded frames, in capture order
     * @param moves the moves the challenge asked for
     */
    public BurstMeasurement burst(List<BufferedImage> frames, List<HeadMove> moves) {
        return slots.run(() -> {
            ActiveFindings findings = active.analyze(frames, moves);
            Double passiveScore = null;
            if (passive.available() && ActiveScore.faceFound(findings)) {
                passiveScore = passive.score(findings.best().image(), findings.best().subject().get().face());
            }
            return new BurstMeasurement(findings, passiveScore, ActiveScore.of(findings, passiveScore));
        });
    }

    /**
     * The two pictures of a face match, each with its faces' age and gender. They are decoded and
     * analysed side by side when a second inference slot is free, which halves the wait of a lone
     * request on a machine with idle cores.
     *
     * @param admit runs first, inside the slot; it may refuse the whole request (and may decode the
     *     pictures itself to say why), in which case nothing is analysed
     * @param rotate also look for the faces under the four right-angle rotations
     */
    public PairMeasurement pair(Runnable admit, PairMeasurement.PictureRead user, PairMeasurement.PictureRead reference,
                                boolean rotate) {
        AnalysisOptions options = new AnalysisOptions(rotate, true, true);
        return slots.run(() -> {
            admit.run();
            InferenceSlots.Both<PairMeasurement.Side, PairMeasurement.Side> both = slots.alongside(
                    () -> side(user, options), () -> side(reference, options));
            return new PairMeasurement(both.first(), both.second());
        });
    }

    private PairMeasurement.Side side(PairMeasurement.PictureRead read, AnalysisOptions options) {
        try {
            DecodedImage image = read.read();
            return new PairMeasurement.Side(image, engine.analyze(image.image(), options), null);
        } catch (InvalidImageException e) {
            return new PairMeasurement.Side(null, null, e);
        }
    }

    /**
     * The descriptor of the main face of a reference picture: no rotations tried, no liveness, no age.
     *
     * @param read decodes the picture, inside the inference slot (see {@link #selfie})
     */
    public ReferenceMeasurement reference(Supplier<DecodedImage> read) {
        return slots.run(() -> {
            DecodedImage image = read.get();
            return new ReferenceMeasurement(image, engine.analyze(image.image(), new AnalysisOptions(false, true, false)).embedding());
        });
    }

    /**
     * The portrait on an identity document: found under any right-angle rotation, described for
     * face match and cut out.
     *
     * @param read decodes the upload, inside the inference slot (see {@link #selfie})
     */
    public DocumentMeasurement document(Supplier<DecodedImage> read) {
        return slots.run(() -> {
            DecodedImage image = read.get();
            FaceAnalysis analysis = engine.analyze(image.image(), new AnalysisOptions(true, true, false));
            byte[] portrait = analysis.subject().map(face -> DocumentPortrait.jpeg(analysis.image(), face)).orElse(null);
            return new DocumentMeasurement(image, analysis, portrait);
        });
    }
}
