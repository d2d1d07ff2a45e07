package dev.likeness.face;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.likeness.evaluation.EngineOutsideQuarkus;
import dev.likeness.evaluation.EvalDescriptors;
import dev.likeness.evaluation.ScoreSeparation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the shipped face-match calibration on ../shared/eval and writes
 * the resource named by {@link FaceMatcher#CALIBRATION} under {@code src/main/resources}:
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.likeness.face.FaceCalibrationFit</pre>
 *
 * It compares recipes (dlib alone, FaceRes alone, weighted fusions) by TAR at FAR 1e-3 then AUC
 * over every genuine and every different-identity pair, keeps the best, and places the anchors:
 * 30 below almost every genuine pair, 50 at a false-match rate of 1 in 1,000, 70 above every
 * impostor seen. It prints the threshold table the README publishes.
 */
public final class FaceCalibrationFit {

    private static final double[] WEIGHTS = {1.0, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.0};

    private FaceCalibrationFit() {
    }

    public static void main(String[] args) throws Exception {
        // Fused at any weight, the engine's descriptor carries both parts for EvalDescriptors to split.
        EngineOutsideQuarkus pipeline = new EngineOutsideQuarkus(
                new ScoreCalibration("fit", 0.5, List.of(new double[] {0, 0}, new double[] {1, 100})));
        List<EvalDescriptors.Entry> entries = EvalDescriptors.compute(pipeline);
        long found = entries.stream().filter(EvalDescriptors.Entry::found).count();
        System.out.printf(Locale.ROOT, "photos %d, with a face %d%n", entries.size(), found);

        double bestWeight = 1.0;
        double bestTar = -1;
        double bestAuc = -1;
        for (double w : WEIGHTS) {
            ScoreSeparation s = EvalDescriptors.allPairs(entries, w);
            double tar = s.acceptRateAtFalseAcceptRate(1e-3);
            double auc = s.auc();
            System.out.printf(Locale.ROOT, "recipe dlib_weight=%.2f  genuine %d impostor %d  AUC %.5f  TAR@FAR1e-2 %.4f  TAR@FAR1e-3 %.4f%n",
                    w, s.positives().length, s.negatives().length, auc, s.acceptRateAtFalseAcceptRate(1e-2), tar);
            if (tar > bestTar + 1e-9 || (Math.abs(tar - bestTar) <= 1e-9 && auc > bestAuc)) {
                bestTar = tar;
                bestAuc = auc;
                bestWeight = w;
            }
        }
        ScoreSeparation chosen = EvalDescriptors.allPairs(entries, bestWeight);
        double[] genuine = chosen.positives().clone();
        double[] impostor = chosen.negatives().clone();
        Arrays.sort(genuine);
        Arrays.sort(impostor);

        double s50 = impostor[impostor.length - 1 - (int) Math.floor(impostor.length * 1e-3)];
        double maxImpostor = impostor[impostor.length - 1];
        double s70 = Math.max(maxImpostor + 0.01, s50 + 0.02);
        double s30 = Math.min(genuine[(int) Math.floor(genuine.length * 0.005)] - 0.01, s50 - 0.05);
        double s0 = s30 - 2 * (s50 - s30);
        double s90 = s70 + (1.0 - s70) * 0.5;
        List<double[]> points = new ArrayList<>(List.of(new double[] {round(s0), 0}, new double[] {round(s30), 30},
                new double[] {round(s50), 50}, new double[] {round(s70), 70}, new double[] {round(s90), 90},
                new double[] {1.0, 100}));
        String version = FaceMatcher.CALIBRATION.replaceAll(".*/(.*)\\.json", "$1");
        ScoreCalibration calibration = new ScoreCalibration(version, bestWeight, points);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_version", calibration.modelVersion());
        json.put("dlib_weight", bestWeight);
        json.put("points", points);
        json.put("fitted_on", Map.of("genuine_pairs", genuine.length, "impostor_pairs", impostor.length,
                "photos", found, "auc", round(bestAuc), "tar_at_far_1e-3", round(bestTar)));
        Path out = Path.of("src/main/resources" + FaceMatcher.CALIBRATION);
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
        System.out.printf(Locale.ROOT, "chose dlib_weight=%.2f; wrote %s%n%n", bestWeight, out);

        System.out.println("| score threshold | false-match rate (impostor pairs above) | false-non-match rate (genuine pairs at or below) |");
        System.out.println("| --- | --- | --- |");
        for (int threshold = 10; threshold <= 90; threshold += 10) {
            int t = threshold;
            long fm = Arrays.stream(impostor).filter(s -> calibration.score(s) > t).count();
            long fnm = Arrays.stream(genuine).filter(s -> calibration.score(s) <= t).count();
            System.out.printf(Locale.ROOT, "| %d | %d / %d (%.4f%%) | %d / %d (%.2f%%) |%n", threshold, fm, impostor.length,
                    100.0 * fm / impostor.length, fnm, genuine.length, 100.0 * fnm / genuine.length);
        }
        pipeline.models.close();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
