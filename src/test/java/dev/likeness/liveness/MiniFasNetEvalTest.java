package dev.likeness.liveness;

import dev.likeness.NeedsSharedData;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.evaluation.EvalFaces;
import dev.likeness.evaluation.EvalPhotoReader;
import dev.likeness.evaluation.FaceApiDump;
import dev.likeness.evaluation.ScoreSeparation;
import dev.likeness.face.DetectedFace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real-face scores on the development spoof set (spoof.csv), per variant (full camera frames,
 * tight face crops): AUC, and APCER (attacks accepted) / BPCER (live faces rejected) at the
 * README's thresholds. Faces come from {@link EvalFaces}; skipped when no face source exists.
 */
@NeedsSharedData
class MiniFasNetEvalTest {

    private static final double[] THRESHOLDS = {0.3, 0.5, 0.9};

    @Test
    void separatesLiveFacesFromAttacks() throws IOException {
        Optional<EvalFaces> faces = FaceApiDump.fromSystemProperty();
        assumeTrue(faces.isPresent(), "no eval face source (set -D" + FaceApiDump.PROPERTY + ")");
        Path evalDir = EvalPhotoReader.sharedDir().resolve("eval");
        List<String> rows = Files.readAllLines(evalDir.resolve("spoof.csv"));
        Map<String, List<Double>> live = new HashMap<>();
        Map<String, List<Double>> attacks = new HashMap<>();
        Map<String, Integer> noFace = new HashMap<>();
        List<Double> millis = new ArrayList<>();
        try (MiniFasNetScorer scorer = MiniFasNetScorer.load(MiniFasNetGoldenTest.weightsDir())) {
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.split(",");
                String path = f[0];
                String variant = f[3];
                Image image = ImageFactory.getInstance().fromImage(EvalPhotoReader.read(evalDir.resolve(path)));
                Optional<DetectedFace> face = faces.get().mainFace(path, image);
                if (face.isEmpty()) {
                    noFace.merge(variant + " " + f[1], 1, Integer::sum);
                    continue;
                }
                long t0 = System.nanoTime();
                double score = scorer.realScore(image, face.get());
                millis.add((System.nanoTime() - t0) / 1e6);
                (f[1].equals("real") ? live : attacks).computeIfAbsent(variant, v -> new ArrayList<>()).add(score);
                if (path.contains("silentface_sample")) {
                    System.out.printf("%s (%s): real-face score %.3f%n", path, f[2], score);
                }
            }
        }
        for (String variant : new java.util.TreeSet<>(live.keySet())) {
            ScoreSeparation s = new ScoreSeparation(toArray(live.get(variant)), toArray(attacks.get(variant)));
            StringBuilder line = new StringBuilder(String.format("%s: %d live, %d attacks, AUC %.3f", variant,
                    s.positives().length, s.negatives().length, s.auc()));
            for (double t : THRESHOLDS) {
                line.append(String.format("; at %.1f APCER %.0f %% BPCER %.0f %%", t, 100 * s.negativesAccepted(t),
                        100 * s.positivesRejected(t)));
            }
            System.out.println(line);
            if (variant.equals("full_frame")) {
                assertTrue(s.auc() > 0.95, "full-frame AUC " + s.auc());
            }
        }
        millis.sort(Double::compare);
        System.out.printf("no face found: %s; median realScore %.1f ms (both models, crop included)%n", noFace,
                millis.get(millis.size() / 2));
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
