package dev.likeness.face.detect;

import dev.likeness.runtime.tfjs.GraphEngine;
import dev.likeness.NeedsSharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.DetectedFace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BlazeFace on the shared evaluation photos. */
@NeedsSharedData
class BlazeFaceDetectorTest {

    private static BlazeFaceDetector detector;

    @BeforeAll
    static void load() throws Exception {
        detector = BlazeFaceDetector.load(EvalPhotos.modelsDir(), GraphEngine.ONNX_RUNTIME);
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void findsAFaceInNearlyEveryFacePhoto() {
        List<Path> photos = EvalPhotos.faces();
        List<String> missed = new ArrayList<>();
        int found = 0;
        int eyesInOrder = 0;
        int keypointsInside = 0;
        for (Path p : photos) {
            Image image = EvalPhotos.load(p);
            List<DetectedFace> faces = detector.detect(image);
            if (faces.isEmpty()) {
                missed.add(p.getFileName().toString());
                continue;
            }
            found++;
            DetectedFace f = faces.get(0);
            System.out.printf("detect %-40s %4dx%-4d faces=%d top: conf=%.2f box=%.0f,%.0f %.0fx%.0f%n",
                    p.getFileName(), image.getWidth(), image.getHeight(), faces.size(), f.confidence(),
                    f.x1(), f.y1(), f.width(), f.height());
            if (f.keypointX(DetectedFace.RIGHT_EYE) < f.keypointX(DetectedFace.LEFT_EYE)) {
                eyesInOrder++;
            }
            if (centralKeypointsInside(f)) {
                keypointsInside++;
            }
        }
        double rate = (double) found / photos.size();
        System.out.printf("detect: found a face in %d/%d photos (%.1f%%); missed %s%n", found, photos.size(), 100 * rate, missed);
        System.out.printf("detect: subject's right eye left of left eye in %d/%d; eyes/nose/mouth inside box in %d/%d%n",
                eyesInOrder, found, keypointsInside, found);
        assertTrue(rate >= 0.95, "detection rate " + rate + ", missed " + missed);
        assertTrue(eyesInOrder >= 0.95 * found, "keypoint order");
        assertTrue(keypointsInside >= 0.95 * found, "keypoints inside box");
    }

    @Test
    void keypointsLieInsideTheBox() {
        Image image = EvalPhotos.load(EvalPhotos.sharedDir().resolve("eval/faces/" + firstLargePhoto()));
        DetectedFace f = detector.detect(image).get(0);
        assertTrue(centralKeypointsInside(f), "eyes, nose and mouth inside the box");
    }

    @Test
    void findsASmallFaceInALargeFrame() {
        Image face = EvalPhotos.load(EvalPhotos.sharedDir().resolve("eval/faces/" + firstLargePhoto()));
        DetectedFace reference = detector.detect(face).get(0);

        int canvasSide = 3000;
        int pastedWidth = 240;
        int pastedHeight = Math.round((float) pastedWidth * face.getHeight() / face.getWidth());
        int ox = 2100;
        int oy = 1700;
        BufferedImage canvas = new BufferedImage(canvasSide, canvasSide, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, canvasSide, canvasSide);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage((BufferedImage) face.getWrappedImage(), ox, oy, pastedWidth, pastedHeight, null);
        g.dispose();

        Image frame = ImageFactory.getInstance().fromImage(canvas);
        long start = System.nanoTime();
        List<DetectedFace> faces = detector.detect(frame);
        System.out.printf("small face: full pass + tiles on 3000x3000 took %.0f ms%n", (System.nanoTime() - start) / 1e6);
        assertFalse(faces.isEmpty(), "small face not found");
        DetectedFace f = faces.get(0);
        float s = (float) pastedWidth / face.getWidth();
        float expectedCx = ox + s * (reference.x1() + reference.x2()) / 2;
        float expectedCy = oy + s * (reference.y1() + reference.y2()) / 2;
        float cx = (f.x1() + f.x2()) / 2;
        float cy = (f.y1() + f.y2()) / 2;
        System.out.printf("small face: found %d, top at %.0f,%.0f (expected %.0f,%.0f), width %.0f (expected %.0f)%n",
                faces.size(), cx, cy, expectedCx, expectedCy, f.width(), s * reference.width());
        float tolerance = 0.25f * s * reference.width();
        assertEquals(expectedCx, cx, tolerance);
        assertEquals(expectedCy, cy, tolerance);
        assertEquals(s * reference.width(), f.width(), 0.3f * s * reference.width());
    }

    @Test
    void findsNothingInAnEmptyLargeFrame() {
        BufferedImage canvas = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 3000, 2000);
        g.dispose();
        assertTrue(detector.detect(ImageFactory.getInstance().fromImage(canvas)).isEmpty());
    }

    @Test
    void concurrentCallsGiveTheSameFacesAsSequentialOnes() throws Exception {
        List<Image> images = EvalPhotos.faces().stream()
                .filter(p -> p.getFileName().toString().startsWith("katy_perry")).limit(4).map(EvalPhotos::load).toList();
        List<DetectedFace> sequential = images.stream().map(i -> detector.detect(i).get(0)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DetectedFace>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Image i : images) {
                    futures.add(pool.submit(() -> detector.detect(i).get(0)));
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                DetectedFace expected = sequential.get(k % images.size());
                DetectedFace actual = futures.get(k).get();
                assertEquals(expected.x1(), actual.x1(), 1e-3f);
                assertEquals(expected.y2(), actual.y2(), 1e-3f);
                assertEquals(expected.confidence(), actual.confidence(), 1e-5f);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void reportsLatency() {
        Image image = EvalPhotos.load(EvalPhotos.sharedDir().resolve("eval/faces/" + firstLargePhoto()));
        for (int i = 0; i < 2; i++) {
            detector.detect(image);
        }
        int runs = 8;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            detector.detect(image);
        }
        System.out.printf("detect latency on %dx%d: %.1f ms per call%n", image.getWidth(), image.getHeight(),
                (System.nanoTime() - start) / 1e6 / runs);
    }

    private static String firstLargePhoto() {
        for (Path p : EvalPhotos.faces()) {
            Image image = EvalPhotos.load(p);
            if (Math.min(image.getWidth(), image.getHeight()) >= 600 && p.getFileName().toString().endsWith(".jpg")) {
                return p.getFileName().toString();
            }
        }
        throw new IllegalStateException("no large photo");
    }

    private static boolean centralKeypointsInside(DetectedFace f) {
        for (int k = DetectedFace.RIGHT_EYE; k <= DetectedFace.MOUTH; k++) {
            float x = f.keypointX(k);
            float y = f.keypointY(k);
            if (x < f.x1() || x > f.x2() || y < f.y1() || y > f.y2()) {
                return false;
            }
        }
        return true;
    }
}
