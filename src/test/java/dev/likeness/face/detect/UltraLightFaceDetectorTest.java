package dev.likeness.face.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likeness.runtime.tfjs.GraphEngine;
import dev.likeness.NeedsSharedData;
import dev.likeness.face.DetectedFace;
import java.awt.Color;
import java.awt.Graphics2D;
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

/** fr_detect on the shared evaluation photos, checked against BlazeFace's boxes. */
@NeedsSharedData
class UltraLightFaceDetectorTest {

    private static UltraLightFaceDetector detector;
    private static BlazeFaceDetector blazeFace;

    @BeforeAll
    static void load() throws Exception {
        detector = UltraLightFaceDetector.load(EvalPhotos.modelsDir().resolve("faceplugin"));
        blazeFace = BlazeFaceDetector.load(EvalPhotos.modelsDir(), GraphEngine.ONNX_RUNTIME);
    }

    @AfterAll
    static void close() {
        detector.close();
        blazeFace.close();
    }

    @Test
    void findsTheSameFaceAsBlazeFaceInNearlyEveryPhoto() {
        List<Path> photos = EvalPhotos.faces();
        List<String> missed = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (Path p : photos) {
            BufferedImage image = photo(p);
            List<DetectedFace> faces = detector.detect(image);
            if (faces.isEmpty()) {
                missed.add(p.getFileName().toString());
                continue;
            }
            DetectedFace f = faces.get(0);
            assertTrue(f.x1() >= 0 && f.y1() >= 0 && f.x2() <= image.getWidth() - 1 && f.y2() <= image.getHeight() - 1,
                    "box inside the photo: " + f);
            List<DetectedFace> reference = blazeFace.detect(EvalPhotos.load(p));
            if (!reference.isEmpty() && !contains(f, centre(reference.get(0)))) {
                elsewhere.add(p.getFileName().toString());
            }
        }
        System.out.printf("fr_detect: missed %d/%d %s; largest face not BlazeFace's in %s%n", missed.size(), photos.size(),
                missed, elsewhere);
        assertTrue(missed.size() <= 0.05 * photos.size(), "missed " + missed);
        assertTrue(elsewhere.size() <= 0.05 * photos.size(), "different face " + elsewhere);
    }

    @Test
    void boxesAreSquareAroundTheDetection() {
        BufferedImage image = photo(EvalPhotos.faces().get(0));
        for (DetectedFace f : detector.detect(image)) {
            boolean clipped = f.x1() == 0 || f.y1() == 0 || f.x2() == image.getWidth() - 1 || f.y2() == image.getHeight() - 1;
            if (!clipped) {
                assertEquals(f.height(), f.width(), 0.01f * f.height());
            }
        }
    }

    @Test
    void findsNothingInAnEmptyFrame() {
        BufferedImage canvas = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 1200, 900);
        g.dispose();
        assertTrue(detector.detect(canvas).isEmpty());
    }

    @Test
    void readsImagesSmallerThanItsInput() {
        BufferedImage image = photo(EvalPhotos.faces().get(0));
        BufferedImage small = new BufferedImage(160, 120 * image.getHeight() / image.getWidth() * 4 / 3, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.drawImage(image, 0, 0, small.getWidth(), small.getHeight(), null);
        g.dispose();
        List<DetectedFace> faces = detector.detect(small);
        assertTrue(!faces.isEmpty(), "a face in a 160 px photo");
        assertTrue(faces.get(0).x2() <= small.getWidth() - 1 && faces.get(0).y2() <= small.getHeight() - 1);
    }

    @Test
    void concurrentCallsGiveTheSameFacesAsSequentialOnes() throws Exception {
        List<BufferedImage> images = EvalPhotos.faces().stream().limit(8).map(UltraLightFaceDetectorTest::photo).toList();
        List<List<DetectedFace>> sequential = images.stream().map(detector::detect).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<DetectedFace>>> futures = images.stream().map(i -> pool.submit(() -> detector.detect(i))).toList();
            for (int i = 0; i < images.size(); i++) {
                List<DetectedFace> a = sequential.get(i);
                List<DetectedFace> b = futures.get(i).get();
                assertEquals(a.size(), b.size());
                for (int k = 0; k < a.size(); k++) {
                    assertEquals(a.get(k).x1(), b.get(k).x1(), 1e-3f);
                    assertEquals(a.get(k).y2(), b.get(k).y2(), 1e-3f);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static BufferedImage photo(Path p) {
        return (BufferedImage) EvalPhotos.load(p).getWrappedImage();
    }

    private static float[] centre(DetectedFace f) {
        return new float[] {(f.x1() + f.x2()) / 2, (f.y1() + f.y2()) / 2};
    }

    private static boolean contains(DetectedFace f, float[] point) {
        return point[0] >= f.x1() && point[0] <= f.x2() && point[1] >= f.y1() && point[1] <= f.y2();
    }
}
