package dev.likeness.liveness.active;

import dev.likeness.NeedsSharedData;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.FaceModelPack;
import dev.likeness.EvalFiles;
import dev.likeness.evaluation.EngineOutsideQuarkus;
import dev.likeness.face.DetectedFace;
import dev.likeness.face.landmarks.FaceMesh;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysis on synthetic bursts, without the service: rendered heads turning as asked, and flat
 * pictures (print and screen) moved through the same poses. Prints the numbers the thresholds in
 * {@link ActiveThresholds} were chosen from.
 */
@NeedsSharedData
class ActiveLivenessAnalyzerTest {

    static final List<String> PHOTOS = List.of(EvalFiles.LIVE_A1, EvalFiles.LIVE_B1, EvalFiles.POWELL_1);
    private static EngineOutsideQuarkus engine;
    private static ActiveLivenessAnalyzer analyzer;

    @BeforeAll
    static void load() {
        engine = EngineOutsideQuarkus.shipped(FaceModelPack.V3);
        analyzer = new ActiveLivenessAnalyzer(engine.models, engine.engine, engine.matcher);
    }

    @AfterAll
    static void close() {
        engine.models.close();
    }

    static BufferedImage photo(String path) throws Exception {
        return engine.decoder.decode(EvalFiles.bytes(path)).image();
    }

    static FaceMesh meshOf(EngineOutsideQuarkus engine, BufferedImage image) {
        var djl = ImageFactory.getInstance().fromImage(image);
        DetectedFace face = engine.models.detector().detect(djl).stream().max(Comparator.comparingDouble(DetectedFace::area)).orElseThrow();
        return engine.models.landmarks().refine(djl, engine.models.landmarks().locate(djl, face));
    }

    @Test
    void headsPassAndFlatPicturesAreFlat() throws Exception {
        List<HeadMove> challenge = List.of(HeadMove.TURN_LEFT, HeadMove.LOOK_UP);
        double minHead = Double.MAX_VALUE, maxFlat = 0;
        for (String path : PHOTOS) {
            BufferedImage photo = photo(path);
            HeadRenderer head = new HeadRenderer(photo, meshOf(engine, photo));
            List<BufferedImage> frames = new ArrayList<>();
            for (ChallengeBurst.Angles a : ChallengeBurst.of(challenge, 25)) {
                frames.add(head.render(a.yaw(), a.pitch()));
            }
            ActiveFindings genuine = analyzer.analyze(frames, challenge);
            print("head  " + path, genuine);
            assertTrue(genuine.completed(), path + " moves " + genuine.performed());
            assertFalse(genuine.flat(), path);
            assertFalse(genuine.inconsistent(), path);
            minHead = Math.min(minHead, genuine.planarResidual());

            for (boolean screen : new boolean[] {false, true}) {
                FlatPictureMotion sheet = new FlatPictureMotion(photo, screen);
                List<BufferedImage> attack = new ArrayList<>();
                int i = 0;
                for (ChallengeBurst.Angles a : ChallengeBurst.of(challenge, 25)) {
                    double scale = 0.85 + 0.02 * i;
                    attack.add(sheet.render(-a.yaw() * 1.4, a.pitch() * 1.4, 3 * Math.sin(i / 2.0), scale,
                            a.yaw() * 1.5, -a.pitch() * 1.5));
                    i++;
                }
                ActiveFindings flat = analyzer.analyze(attack, challenge);
                print((screen ? "screen" : "print ") + path, flat);
                assertTrue(flat.flat(), path);
                maxFlat = Math.max(maxFlat, flat.planarResidual());
            }
        }
        System.out.printf(Locale.ROOT, "planar residual: heads >= %.4f, flat pictures <= %.4f (threshold %.3f)%n",
                minHead, maxFlat, ActiveThresholds.FLAT_RESIDUAL);
    }

    @Test
    void wrongOrderIsNotCompleted() throws Exception {
        BufferedImage photo = photo(EvalFiles.LIVE_A1);
        HeadRenderer head = new HeadRenderer(photo, meshOf(engine, photo));
        List<BufferedImage> frames = new ArrayList<>();
        for (ChallengeBurst.Angles a : ChallengeBurst.of(List.of(HeadMove.LOOK_DOWN, HeadMove.TURN_RIGHT), 25)) {
            frames.add(head.render(a.yaw(), a.pitch()));
        }
        ActiveFindings reversed = analyzer.analyze(frames, List.of(HeadMove.TURN_RIGHT, HeadMove.LOOK_DOWN));
        print("order ", reversed);
        assertEquals(List.of(HeadMove.LOOK_DOWN, HeadMove.TURN_RIGHT), reversed.performed());
        assertFalse(reversed.completed());
    }

    @Test
    void everyPairOfMovesPasses() throws Exception {
        BufferedImage photo = photo(EvalFiles.LIVE_A1);
        HeadRenderer head = new HeadRenderer(photo, meshOf(engine, photo));
        for (HeadMove a : HeadMove.values()) {
            for (HeadMove b : HeadMove.values()) {
                if (a.ordinal() >= b.ordinal()) {
                    continue;
                }
                List<BufferedImage> frames = new ArrayList<>();
                for (ChallengeBurst.Angles angles : ChallengeBurst.of(List.of(a, b), 25)) {
                    frames.add(head.render(angles.yaw(), angles.pitch()));
                }
                ActiveFindings f = analyzer.analyze(frames, List.of(a, b));
                print("pair " + a + "," + b, f);
                assertTrue(f.completed(), a + "," + b);
                assertFalse(f.flat(), a + "," + b);
                assertFalse(f.inconsistent(), a + "," + b);
            }
        }
    }

    static void print(String label, ActiveFindings f) {
        StringBuilder poses = new StringBuilder();
        for (TrackedFrame t : f.frames()) {
            poses.append(t.hasFace() ? String.format(Locale.ROOT, "(%.0f,%.0f|%.3f,%.3f)", t.pose().yaw(), t.pose().pitch(),
                    t.motion().deformation(), t.motion().planarResidual()) : "(-)");
        }
        System.out.printf(Locale.ROOT, "%s: moves=%s completed=%s deformation=%.3f planar=%s identity=%s jumps=%d best=%d %s%n",
                label, f.performed(), f.completed(), f.deformation(), f.planarResidual() == null ? "-" : String.format(Locale.ROOT, "%.4f", f.planarResidual()),
                f.identityScore(), f.jumps(), f.bestFrame(), poses);
    }
}
