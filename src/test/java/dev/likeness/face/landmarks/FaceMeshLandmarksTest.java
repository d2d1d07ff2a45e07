package dev.likeness.face.landmarks;

import dev.likeness.runtime.tfjs.GraphEngine;
import dev.likeness.NeedsSharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.Image;
import dev.likeness.face.DetectedFace;
import dev.likeness.face.detect.BlazeFaceDetector;
import dev.likeness.face.detect.EvalPhotos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FaceMesh placed by BlazeFace on the shared evaluation photos. */
@NeedsSharedData
class FaceMeshLandmarksTest {

    private static final int RIGHT_EYE_INNER = 133;
    private static final int LEFT_EYE_INNER = 362;
    private static final int NOSE_TIP = 1;
    private static final int UPPER_LIP = 13;

    private static BlazeFaceDetector detector;
    private static FaceMeshLandmarks landmarks;

    @BeforeAll
    static void load() throws Exception {
        detector = BlazeFaceDetector.load(EvalPhotos.modelsDir(), GraphEngine.ONNX_RUNTIME);
        landmarks = FaceMeshLandmarks.load(EvalPhotos.modelsDir(), GraphEngine.ONNX_RUNTIME);
    }

    @AfterAll
    static void close() {
        detector.close();
        landmarks.close();
    }

    @Test
    void meshAgreesWithTheDetectorOnEvalFaces() {
        List<Path> photos = EvalPhotos.faces();
        int faces = 0;
        int confident = 0;
        int plausible = 0;
        List<Double> millis = new ArrayList<>();
        for (Path p : photos) {
            Image image = EvalPhotos.load(p);
            List<DetectedFace> found = detector.detect(image);
            if (found.isEmpty()) {
                continue;
            }
            DetectedFace face = found.get(0);
            long t0 = System.nanoTime();
            FaceMesh mesh = landmarks.locate(image, face);
            millis.add((System.nanoTime() - t0) / 1e6);
            faces++;
            assertEquals(3 * FaceMesh.COUNT, mesh.points().length);
            if (mesh.confidence() > 0.5f) {
                confident++;
            }
            // Anatomy in order on these upright photos: eye corners left to right, then eyes above nose
            // above mouth, all within the detector's box. (BlazeFace's own keypoints are no reference:
            // on tight crops its eyes drift to the inner corners.)
            boolean ordered = mesh.x(FaceMesh.RIGHT_EYE_OUTER) < mesh.x(RIGHT_EYE_INNER)
                    && mesh.x(RIGHT_EYE_INNER) < mesh.x(LEFT_EYE_INNER) && mesh.x(LEFT_EYE_INNER) < mesh.x(FaceMesh.LEFT_EYE_OUTER)
                    && Math.max(mesh.y(RIGHT_EYE_INNER), mesh.y(LEFT_EYE_INNER)) < mesh.y(NOSE_TIP)
                    && mesh.y(NOSE_TIP) < mesh.y(UPPER_LIP)
                    && inside(mesh, NOSE_TIP, face) && inside(mesh, FaceMesh.RIGHT_EYE_OUTER, face)
                    && inside(mesh, FaceMesh.LEFT_EYE_OUTER, face);
            if (ordered) {
                plausible++;
            } else {
                System.out.printf("facemesh implausible on %s (score %.3f)%n", p.getFileName(), mesh.confidence());
            }
            // The nose tip is nearer the camera than the outer eye corners.
            assertTrue(mesh.z(NOSE_TIP) < mesh.z(FaceMesh.RIGHT_EYE_OUTER) && mesh.z(NOSE_TIP) < mesh.z(FaceMesh.LEFT_EYE_OUTER),
                    p.getFileName() + ": nose depth " + mesh.z(NOSE_TIP));
        }
        millis.sort(Double::compare);
        System.out.printf("facemesh on %d faces: %d with score > 0.5, %d plausible; median %.1f ms%n",
                faces, confident, plausible, millis.get(millis.size() / 2));
        assertTrue(faces >= photos.size() - 2, "faces " + faces);
        assertTrue(confident >= faces - 2, "confident meshes " + confident + " of " + faces);
        assertTrue(plausible >= faces - 1, "plausible meshes " + plausible + " of " + faces);
    }

    private static boolean inside(FaceMesh mesh, int point, DetectedFace face) {
        return mesh.x(point) >= face.x1() && mesh.x(point) <= face.x2() && mesh.y(point) >= face.y1() && mesh.y(point) <= face.y2();
    }
}
