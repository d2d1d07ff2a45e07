package dev.likeness.bench;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.evaluation.EngineOutsideQuarkus;
import dev.likeness.evaluation.EvalSet;
import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.DetectedFace;
import dev.likeness.face.FaceModelPack;
import dev.likeness.face.FaceQualityAssessor;
import dev.likeness.face.embed.ArcFaceAligner;
import dev.likeness.face.landmarks.FaceMesh;
import dev.likeness.face.landmarks.FivePoints;
import dev.likeness.face.landmarks.Landmarks68;
import dev.likeness.runtime.image.RgbRaster;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where one image's CPU goes: each stage of the v3 pipeline timed on its own, as this thread's CPU
 * time (every model runs on the calling thread with one intra-op thread, so a busy machine barely
 * moves these numbers):
 *
 * <pre>./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.likeness.bench.StageCosts</pre>
 */
public final class StageCosts {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int RUNS = 30;
    /**
     * Enough calls for the JIT to compile the Java pre- and post-processing, as in a running
     * service: after 30 calls fr_detect's detection measured 11–14 ms, after 60 about 5; the
     * whole-photo loops (decode's pixel conversion, the stretch) need a few hundred.
     */
    private static final int WARM_UP = 500;

    private StageCosts() {
    }

    public static void main(String[] args) throws Exception {
        EngineOutsideQuarkus pipeline = EngineOutsideQuarkus.shipped(FaceModelPack.V3);
        byte[] bytes = EvalSet.bytes(args.length > 0 ? args[0] : "faces/human_stock_emotions_a__2.jpg");
        var decoded = pipeline.decoder.decode(bytes);
        BufferedImage photo = decoded.image();
        Image image = ImageFactory.getInstance().fromImage(photo);
        DetectedFace face = pipeline.models.ultraLight().detect(photo).get(0);
        Landmarks68 points = pipeline.models.landmarks68().locate(photo, face);
        DetectedFace oriented = face.withKeypoints(points.blazeFaceKeypoints());
        FaceMesh mesh = pipeline.models.landmarks().locate(image, oriented);
        Image chip = new ArcFaceAligner().align(image, FivePoints.of(mesh));
        System.out.printf(Locale.ROOT, "%d x %d photo, %d bytes; median CPU ms of %d runs after warm-up%n",
                photo.getWidth(), photo.getHeight(), bytes.length, RUNS);
        time("decode (EXIF applied)", () -> {
            try {
                return pipeline.decoder.decode(bytes);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        time("photo stretched to 320x240 (fr_detect input)", () -> RgbRaster.stretched(photo, 320, 240));
        time("fr_detect detection", () -> pipeline.models.ultraLight().detect(photo));
        time("BlazeFace detection (fallback)", () -> pipeline.models.detector().detect(image));
        time("fr_landmark 68 points", () -> pipeline.models.landmarks68().locate(photo, face));
        time("FaceRes age/gender (one face)", () -> pipeline.models.faceRes().analyze(image, face));
        time("FaceMesh landmarks", () -> pipeline.models.landmarks().locate(image, oriented));
        time("ArcFace alignment", () -> new ArcFaceAligner().align(image, FivePoints.of(mesh)));
        time("fr_feature, chip", () -> pipeline.models.mobileFaceNet().describe(chip));
        time("quality and luminance", () -> new FaceQualityAssessor().assess(photo, oriented));
        time("whole analysis (embed only)", () -> pipeline.engine.analyze(photo,
                new AnalysisOptions(false, true, false)));
        time("whole analysis (embed + attributes)", () -> pipeline.engine.analyze(photo,
                new AnalysisOptions(false, true, true)));
        pipeline.models.close();
    }

    private static void time(String stage, Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            work.get();
            ms[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-40s %8.1f ms%n", stage, ms[RUNS / 2]);
    }
}
