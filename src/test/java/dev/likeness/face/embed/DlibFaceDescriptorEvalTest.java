package dev.likeness.face.embed;

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
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Same/different separation of aligned dlib descriptors on every pair of eval faces: genuine =
 * same identity (file name before {@code __}), impostor = every different-identity pair. Faces
 * come from {@link EvalFaces}; skipped when no face source is available.
 */
@NeedsSharedData
class DlibFaceDescriptorEvalTest {

    @Test
    void separatesSameFromDifferentPeople() throws IOException {
        Optional<EvalFaces> faces = FaceApiDump.fromSystemProperty();
        assumeTrue(faces.isPresent(), "no eval face source (set -D" + FaceApiDump.PROPERTY + ")");
        Path evalDir = EvalPhotoReader.sharedDir().resolve("eval");
        List<Path> photos;
        try (var listing = Files.list(evalDir.resolve("faces"))) {
            photos = listing.sorted().toList();
        }
        FaceAligner aligner = new FaceAligner();
        TreeMap<String, float[]> descriptors = new TreeMap<>();
        List<Double> alignMillis = new ArrayList<>();
        List<Double> describeMillis = new ArrayList<>();
        int missed = 0;
        try (DlibFaceDescriptor descriptor = DlibFaceDescriptor.load(EvalPhotoReader.modelsDir().resolve("faceapi"))) {
            descriptor.describe(ImageFactory.getInstance().fromPixels(new int[150 * 150], 150, 150)); // warm-up
            for (Path photo : photos) {
                String evalPath = "faces/" + photo.getFileName();
                Image image = ImageFactory.getInstance().fromImage(EvalPhotoReader.read(photo));
                Optional<DetectedFace> face = faces.get().mainFace(evalPath, image);
                if (face.isEmpty()) {
                    missed++;
                    continue;
                }
                long t0 = System.nanoTime();
                Image chip = aligner.align(image, face.get());
                long t1 = System.nanoTime();
                descriptors.put(photo.getFileName().toString(), descriptor.describe(chip));
                long t2 = System.nanoTime();
                alignMillis.add((t1 - t0) / 1e6);
                describeMillis.add((t2 - t1) / 1e6);
            }
        }
        ScoreSeparation separation = pairScores(descriptors);
        int n = descriptors.size();
        System.out.printf("dlib descriptor on %d faces (%d without a face): %d genuine, %d impostor pairs; "
                        + "AUC %.4f, TAR at FAR 1e-3 %.3f, at FAR 1e-2 %.3f; distance < 0.6: TAR %.3f FAR %.4f; "
                        + "median align %.1f ms, describe %.1f ms%n",
                n, missed, separation.positives().length, separation.negatives().length, separation.auc(),
                separation.acceptRateAtFalseAcceptRate(1e-3), separation.acceptRateAtFalseAcceptRate(1e-2),
                1 - separation.positivesRejected(-0.6), separation.negativesAccepted(-0.6),
                median(alignMillis), median(describeMillis));
        assertTrue(separation.auc() > 0.995, "AUC " + separation.auc());
        assertTrue(separation.acceptRateAtFalseAcceptRate(1e-3) > 0.9, "TAR at FAR 1e-3");
    }

    /** Scores are negated euclidean distances, so higher means more alike. */
    private static ScoreSeparation pairScores(TreeMap<String, float[]> descriptors) {
        List<String> names = new ArrayList<>(descriptors.keySet());
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double distance = distance(descriptors.get(names.get(i)), descriptors.get(names.get(j)));
                (identity(names.get(i)).equals(identity(names.get(j))) ? genuine : impostor).add(-distance);
            }
        }
        return new ScoreSeparation(genuine.stream().mapToDouble(Double::doubleValue).toArray(),
                impostor.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().skip(values.size() / 2).findFirst().orElse(Double.NaN);
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static String identity(String fileName) {
        return fileName.substring(0, fileName.indexOf("__"));
    }
}
