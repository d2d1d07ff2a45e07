package dev.likeness.face;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.likeness.evaluation.EngineOutsideQuarkus;
import dev.likeness.evaluation.EvalDescriptors;
import dev.likeness.evaluation.ImpostorTail;
import dev.likeness.evaluation.ScoreSeparation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits a pack's shipped face-match calibration on ../shared/eval and rewrites its resource under
 * {@code src/main/resources} (argument: {@code v3} or {@code v2}, default v3):
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.likeness.face.FaceCalibrationFit -Dexec.args=v3</pre>
 *
 * The score carries Didit's meaning: score = 30 + 20 (-log10 FMR - 3), so 30 is a false-match
 * rate of 1e-3, 50 of 1e-4, 70 of 1e-5, 90 of 1e-6. The false-match rate at a similarity comes
 * from a Gaussian fitted to the upper 2 % of the impostor similarities (every cross-identity pair
 * of the evaluation photos), since the set holds only a few thousand impostor pairs; rates below
 * about 1 / (number of impostor pairs) are extrapolations. Above 90 the score rises linearly to 100
 * at similarity 1. It prints the threshold table the README publishes.
 */
public final class FaceCalibrationFit {

    /** v2 fuses dlib with FaceRes at this weight (chosen by TAR at FAR 1e-3 when v2 was fitted). */
    private static final double V2_DLIB_WEIGHT = 0.6;
    private static final double TAIL_SHARE = 0.02;

    private FaceCalibrationFit() {
    }

    public static void main(String[] args) throws Exception {
        FaceModelPack pack = FaceModelPack.valueOf((args.length > 0 ? args[0] : "v3").toUpperCase(Locale.ROOT));
        EngineOutsideQuarkus pipeline = new EngineOutsideQuarkus(pack, new ScoreCalibration("fit",
                pack == FaceModelPack.V2 ? V2_DLIB_WEIGHT : 1.0, List.of(new double[] {0, 0}, new double[] {1, 100})));
        ScoreSeparation pairs = pack == FaceModelPack.V2
                ? EvalDescriptors.allPairs(EvalDescriptors.compute(pipeline), V2_DLIB_WEIGHT)
                : EvalDescriptors.allPairsOfEmbeddings(pipeline);
        pipeline.models.close();

        double[] genuine = pairs.positives().clone();
        double[] impostor = pairs.negatives().clone();
        Arrays.sort(genuine);
        Arrays.sort(impostor);
        ImpostorTail tail = ImpostorTail.fit(impostor, TAIL_SHARE);
        System.out.printf(Locale.ROOT, "pack %s: genuine %d, impostor %d, AUC %.5f, TAR@FAR 1e-2 %.4f 1e-3 %.4f 1e-4 %.4f%n",
                pack, genuine.length, impostor.length, pairs.auc(), pairs.acceptRateAtFalseAcceptRate(1e-2),
                pairs.acceptRateAtFalseAcceptRate(1e-3), pairs.acceptRateAtFalseAcceptRate(1e-4));
        System.out.printf(Locale.ROOT, "impostor tail: Gaussian mean %.4f sd %.4f fitted to the top %d similarities%n",
                tail.mean(), tail.sd(), tail.fittedOn());
        System.out.println("| false-match rate | similarity, Gaussian tail (used) | similarity, exponential tail | genuine pairs at or below (Gaussian / exponential) |");
        System.out.println("| --- | --- | --- | --- |");
        for (double fmr : new double[] {1e-3, 1e-4, 1e-5}) {
            double gaussian = tail.similarityAt(fmr);
            double exponential = ImpostorTail.exponentialSimilarityAt(impostor, tail.fittedOn(), fmr);
            System.out.printf(Locale.ROOT, "| %.0e | %.4f | %.4f | %d / %d |%n", fmr, gaussian, exponential,
                    Arrays.stream(genuine).filter(s -> s <= gaussian).count(),
                    Arrays.stream(genuine).filter(s -> s <= exponential).count());
        }

        List<double[]> points = new ArrayList<>();
        for (int score = 0; score <= 90; score += 10) {
            double log10Fmr = -3 - (score - 30) / 20.0;
            points.add(new double[] {round(tail.similarityAt(Math.pow(10, log10Fmr))), score});
        }
        points.add(new double[] {1.0, 100});
        String version = pack.calibration().replaceAll(".*/(.*)\\.json", "$1");
        ScoreCalibration calibration = new ScoreCalibration(version, pack == FaceModelPack.V2 ? V2_DLIB_WEIGHT : 1.0, points);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_version", calibration.modelVersion());
        json.put("dlib_weight", calibration.dlibWeight());
        json.put("points", points);
        // Ordered, so a refit with the same result rewrites the file byte for byte.
        Map<String, Object> fittedOn = new TreeMap<>(Map.of("genuine_pairs", genuine.length, "impostor_pairs", impostor.length,
                "auc", round(pairs.auc()), "tar_at_far_1e-3", round(pairs.acceptRateAtFalseAcceptRate(1e-3)),
                "impostor_tail", String.format(Locale.ROOT, "gaussian mean %.6f sd %.6f on the top %d", tail.mean(),
                        tail.sd(), tail.fittedOn())));
        json.put("fitted_on", fittedOn);
        Path out = Path.of("src/main/resources" + pack.calibration());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
        System.out.printf(Locale.ROOT, "wrote %s%n%n", out);

        System.out.println("| score threshold | model FMR | measured false matches (impostor pairs above) | false non-matches (genuine pairs at or below) |");
        System.out.println("| --- | --- | --- | --- |");
        for (int threshold = 10; threshold <= 90; threshold += 10) {
            int t = threshold;
            long fm = Arrays.stream(impostor).filter(s -> calibration.score(s) > t).count();
            long fnm = Arrays.stream(genuine).filter(s -> calibration.score(s) <= t).count();
            double modelFmr = Math.pow(10, -3 - (t - 30) / 20.0);
            boolean extrapolated = modelFmr * impostor.length < 1;
            System.out.printf(Locale.ROOT, "| %d | %.0e%s | %d / %d (%.3f %%) | %d / %d (%.2f %%) |%n", threshold, modelFmr,
                    extrapolated ? " (extrapolated)" : "", fm, impostor.length, 100.0 * fm / impostor.length, fnm,
                    genuine.length, 100.0 * fnm / genuine.length);
        }
        System.out.printf(Locale.ROOT, "genuine median score %.2f%n", calibration.score(genuine[genuine.length / 2]));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
