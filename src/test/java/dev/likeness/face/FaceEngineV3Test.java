package dev.likeness.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likeness.NeedsSharedData;
import dev.likeness.evaluation.EngineOutsideQuarkus;
import dev.likeness.face.detect.EvalPhotos;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The v3 pipeline where fr_detect alone would fail: a face too small for its 320x240 input (BlazeFace's
 * tiles take over) and a face larger than the photo (BlazeFace inside a black frame).
 */
@NeedsSharedData
class FaceEngineV3Test {

    private static EngineOutsideQuarkus pipeline;
    private static BufferedImage portrait;
    private static FaceAnalysis reference;

    @BeforeAll
    static void load() {
        pipeline = EngineOutsideQuarkus.shipped(FaceModelPack.V3);
        portrait = (BufferedImage) EvalPhotos.load(EvalPhotos.sharedDir().resolve("eval/faces/human_stock_emotions_a__2.jpg"))
                .getWrappedImage();
        reference = pipeline.engine.analyze(portrait, new AnalysisOptions(false, true, true));
    }

    @AfterAll
    static void close() {
        pipeline.models.close();
    }

    @Test
    void theSubjectCarriesEyesNoseAndAgeFromTheLandmarks() {
        DetectedFace subject = reference.faces().get(0).face();
        assertEquals(12, subject.keypoints().length);
        assertTrue(subject.keypointX(DetectedFace.RIGHT_EYE) < subject.keypointX(DetectedFace.LEFT_EYE), "eyes in image order");
        assertTrue(subject.keypointY(DetectedFace.NOSE) > subject.keypointY(DetectedFace.LEFT_EYE), "nose below the eyes");
        assertNotNull(reference.faces().get(0).age());
        assertTrue(reference.quality().quality() > 0);
    }

    @Test
    void findsAndMatchesASmallFaceInALargeFrame() {
        int pastedWidth = 240;
        int pastedHeight = Math.round((float) pastedWidth * portrait.getHeight() / portrait.getWidth());
        BufferedImage canvas = new BufferedImage(3000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 3000, 3000);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(portrait, 2100, 1700, pastedWidth, pastedHeight, null);
        g.dispose();

        FaceAnalysis small = pipeline.engine.analyze(canvas, new AnalysisOptions(false, true, false));
        assertTrue(!small.faces().isEmpty(), "small face found");
        DetectedFace f = small.faces().get(0).face();
        float cx = (f.x1() + f.x2()) / 2;
        assertTrue(cx > 2100 && cx < 2100 + pastedWidth, "found where it was pasted: " + f);
        double score = pipeline.matcher.score(reference.embedding(), small.embedding());
        System.out.printf("small face in a 3000 px frame: score %.1f against the full photo%n", score);
        assertTrue(score > 50, "score " + score);
    }

    @Test
    void findsAndMatchesAFaceLargerThanThePhoto() {
        DetectedFace face = reference.faces().get(0).face();
        int x = Math.round(face.x1() + 0.2f * face.width());
        int y = Math.round(face.y1() + 0.15f * face.height());
        BufferedImage crop = new BufferedImage(Math.round(0.6f * face.width()), Math.round(0.75f * face.height()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = crop.createGraphics();
        g.drawImage(portrait, -x, -y, null);
        g.dispose();

        FaceAnalysis tight = pipeline.engine.analyze(crop, new AnalysisOptions(false, true, false));
        assertNotNull(tight.embedding(), "a face in a crop tighter than the face");
        double score = pipeline.matcher.score(reference.embedding(), tight.embedding());
        System.out.printf("face larger than the photo: score %.1f against the full photo%n", score);
        assertTrue(score > 30, "score " + score);
    }
}
