package dev.likeness.evaluation;

import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.embed.DlibFaceDescriptor;
import dev.likeness.media.InvalidImageException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Both descriptors of every evaluation photo's subject, computed once by the service's own
 * decoder and {@code FaceEngine}, so recipes (dlib, FaceRes, fused) can be compared on identical
 * faces. The pipeline's calibration must fuse (0 &lt; dlib_weight &lt; 1): the engine's matching
 * descriptor then holds the scaled dlib descriptor followed by the scaled FaceRes one, and each
 * part, made unit length again, is exactly what the engine matches by.
 */
public final class EvalDescriptors {

    /** One photo's unit-length descriptors (null when no face was found). */
    public record Entry(EvalSet.Photo photo, float[] dlib, float[] faceres) {
        public boolean found() {
            return dlib != null;
        }
    }

    private EvalDescriptors() {
    }

    public static List<Entry> compute(EngineOutsideQuarkus pipeline) {
        double w = pipeline.matcher.calibration().dlibWeight();
        if (w <= 0 || w >= 1) {
            throw new IllegalArgumentException("the pipeline must fuse both descriptors, got dlib_weight " + w);
        }
        List<Entry> entries = new ArrayList<>();
        for (EvalSet.Photo photo : EvalSet.photos()) {
            try {
                var decoded = pipeline.decoder.decode(EvalSet.bytes(photo.path()));
                FaceAnalysis analysis = pipeline.engine.analyze(decoded.image(), new AnalysisOptions(false, true, false));
                if (analysis.embedding() == null) {
                    entries.add(new Entry(photo, null, null));
                    continue;
                }
                float[] embedding = analysis.embedding();
                int split = DlibFaceDescriptor.DIMENSIONS;
                entries.add(new Entry(photo, unit(Arrays.copyOfRange(embedding, 0, split)),
                        unit(Arrays.copyOfRange(embedding, split, embedding.length))));
            } catch (InvalidImageException e) {
                throw new IllegalStateException(photo.path() + " does not decode", e);
            }
        }
        return entries;
    }
    /**
     * Genuine and impostor similarities of the pipeline's own matching descriptors (any pack), over
     * every pair of evaluation photos where a face was found.
     */
    public static ScoreSeparation allPairsOfEmbeddings(EngineOutsideQuarkus pipeline) {
        List<EvalSet.Photo> photos = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (EvalSet.Photo photo : EvalSet.photos()) {
            try {
                var decoded = pipeline.decoder.decode(EvalSet.bytes(photo.path()));
                FaceAnalysis analysis = pipeline.engine.analyze(decoded.image(), new AnalysisOptions(false, true, false));
                if (analysis.embedding() != null) {
                    photos.add(photo);
                    embeddings.add(analysis.embedding());
                } else {
                    System.out.println("no face: " + photo.path());
                }
            } catch (InvalidImageException e) {
                throw new IllegalStateException(photo.path() + " does not decode", e);
            }
        }
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            for (int j = i + 1; j < photos.size(); j++) {
                double s = pipeline.matcher.similarity(embeddings.get(i), embeddings.get(j));
                boolean same = photos.get(i).identity().equals(photos.get(j).identity());
                (same ? genuine : impostor).add(s);
                if (Boolean.getBoolean("eval.printPairs") && ((same && s < Double.parseDouble(System.getProperty("eval.below", "0.3"))) || (!same && s > 0.3))) {
                    System.out.printf("%s %.3f %s %s%n", same ? "low-genuine" : "high-impostor", s,
                            photos.get(i).path(), photos.get(j).path());
                }
            }
        }
        return new ScoreSeparation(genuine.stream().mapToDouble(Double::doubleValue).toArray(),
                impostor.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Weighted sum of the two cosines: w = 1 is dlib alone, w = 0 FaceRes alone. */
    public static double similarity(Entry a, Entry b, double dlibWeight) {
        return dlibWeight * dot(a.dlib(), b.dlib()) + (1 - dlibWeight) * dot(a.faceres(), b.faceres());
    }

    /** Genuine (same identity) and impostor (every different-identity combination) similarities. */
    public static ScoreSeparation allPairs(List<Entry> entries, double dlibWeight) {
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                Entry a = entries.get(i);
                Entry b = entries.get(j);
                if (!a.found() || !b.found()) {
                    continue;
                }
                double s = similarity(a, b, dlibWeight);
                (a.photo().identity().equals(b.photo().identity()) ? genuine : impostor).add(s);
            }
        }
        return new ScoreSeparation(genuine.stream().mapToDouble(Double::doubleValue).toArray(),
                impostor.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (double) a[i] * b[i];
        }
        return d;
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += (double) x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(n));
        }
        return out;
    }
}
