package dev.likeness.face.attributes;

import dev.likeness.runtime.tfjs.GraphEngine;
import dev.likeness.NeedsSharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.Image;
import dev.likeness.face.DetectedFace;
import dev.likeness.face.detect.BlazeFaceDetector;
import dev.likeness.face.detect.EvalPhotos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FaceRes on the shared evaluation photos: plausible ages and genders, descriptor separation. */
@NeedsSharedData
class FaceResAnalyzerTest {

    private static BlazeFaceDetector detector;
    private static FaceResAnalyzer analyzer;
    private static final Map<String, FaceAttributes> BY_FILE = new HashMap<>();

    @BeforeAll
    static void analyzeAll() throws IOException {
        detector = BlazeFaceDetector.load(EvalPhotos.modelsDir(), GraphEngine.ONNX_RUNTIME);
        analyzer = FaceResAnalyzer.load(EvalPhotos.modelsDir(), GraphEngine.ONNX_RUNTIME);
        for (Path p : EvalPhotos.faces()) {
            Image image = EvalPhotos.load(p);
            List<DetectedFace> faces = detector.detect(image);
            if (!faces.isEmpty()) {
                BY_FILE.put("faces/" + p.getFileName(), analyzer.analyze(image, faces.get(0)));
            }
        }
    }

    @AfterAll
    static void close() {
        analyzer.close();
        detector.close();
    }

    @Test
    void agesAndGendersArePlausible() {
        Map<String, List<FaceAttributes>> byIdentity = new HashMap<>();
        BY_FILE.forEach((file, a) -> byIdentity.computeIfAbsent(identity(file), k -> new ArrayList<>()).add(a));
        byIdentity.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            double age = e.getValue().stream().mapToDouble(FaceAttributes::age).average().orElse(0);
            long male = e.getValue().stream().filter(a -> a.gender().equals("male")).count();
            System.out.printf("faceres %-28s n=%d mean age %.1f, male %d/%d%n", e.getKey(), e.getValue().size(), age, male, e.getValue().size());
        });
        for (FaceAttributes a : BY_FILE.values()) {
            assertTrue(a.age() >= 5 && a.age() <= 90, "age " + a.age());
            assertEquals(1024, a.descriptor().length);
            assertTrue(a.genderConfidence() >= 0 && a.genderConfidence() <= 0.99f);
        }
        assertTrue(meanAge(byIdentity.get("colin_powell")) > 45, "Colin Powell (LFW, aged 60-70) should look over 45");
        assertTrue(maleShare(byIdentity.get("colin_powell")) >= 0.8);
        assertTrue(maleShare(byIdentity.get("katy_perry")) <= 0.2);
    }

    @Test
    void descriptorSeparatesSameFromDifferentPeople() throws IOException {
        List<Double> same = new ArrayList<>();
        List<Double> different = new ArrayList<>();
        List<String> lines = Files.readAllLines(EvalPhotos.sharedDir().resolve("eval/pairs.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            FaceAttributes a = BY_FILE.get(f[0]);
            FaceAttributes b = BY_FILE.get(f[1]);
            if (a == null || b == null) {
                continue;
            }
            (f[2].trim().equals("1") ? same : different).add(cosine(a.descriptor(), b.descriptor()));
        }
        double auc = auc(same, different);
        System.out.printf("faceres descriptor cosine: %d same pairs (mean %.3f), %d different (mean %.3f), AUC %.3f%n",
                same.size(), mean(same), different.size(), mean(different), auc);
        assertTrue(auc > 0.9, "AUC " + auc);

        // every cross-identity combination of the photos is an impostor pair too
        List<String> files = BY_FILE.keySet().stream().sorted().toList();
        List<Double> allSame = new ArrayList<>();
        List<Double> allDifferent = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            for (int j = i + 1; j < files.size(); j++) {
                double c = cosine(BY_FILE.get(files.get(i)).descriptor(), BY_FILE.get(files.get(j)).descriptor());
                (identity(files.get(i)).equals(identity(files.get(j))) ? allSame : allDifferent).add(c);
            }
        }
        System.out.printf("faceres descriptor cosine, all photo pairs: %d same, %d different, AUC %.3f%n",
                allSame.size(), allDifferent.size(), auc(allSame, allDifferent));
    }

    @Test
    void reportsLatency() {
        Path file = EvalPhotos.faces().stream().filter(p -> p.getFileName().toString().startsWith("jack_dorsey")).findFirst().orElseThrow();
        Image image = EvalPhotos.load(file);
        DetectedFace face = detector.detect(image).get(0);
        analyzer.analyze(image, face);
        int runs = 8;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            analyzer.analyze(image, face);
        }
        System.out.printf("faceres latency: %.1f ms per analyze%n", (System.nanoTime() - start) / 1e6 / runs);
    }

    private static String identity(String file) {
        String name = Path.of(file).getFileName().toString();
        return name.substring(0, name.indexOf("__"));
    }

    private static double meanAge(List<FaceAttributes> list) {
        return list.stream().mapToDouble(FaceAttributes::age).average().orElseThrow();
    }

    private static double maleShare(List<FaceAttributes> list) {
        return (double) list.stream().filter(a -> a.gender().equals("male")).count() / list.size();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Probability that a random same-person pair scores above a random different-person pair. */
    static double auc(List<Double> positives, List<Double> negatives) {
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) positives.size() * negatives.size());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
