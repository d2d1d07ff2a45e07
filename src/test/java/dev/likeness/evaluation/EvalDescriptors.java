package dev.likeness.evaluation;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.embed.FaceAligner;
import dev.likeness.media.InvalidImageException;

import java.util.ArrayList;
import java.util.List;

/**
 * Both descriptors of every evaluation photo's subject, computed once with the service's decoder,
 * detector and aligner, so recipes (dlib, FaceRes, fused) can be compared on identical faces.
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
        FaceAligner aligner = new FaceAligner();
        List<Entry> entries = new ArrayList<>();
        for (EvalSet.Photo photo : EvalSet.photos()) {
            try {
                var decoded = pipeline.decoder.decode(EvalSet.bytes(photo.path()));
                FaceAnalysis analysis = pipeline.engine.analyze(decoded.image(), new AnalysisOptions(false, false, false));
                if (analysis.subject().isEmpty()) {
                    entries.add(new Entry(photo, null, null));
                    continue;
                }
                Image image = ImageFactory.getInstance().fromImage(analysis.image());
                var face = analysis.subject().get().face();
                float[] dlib = unit(pipeline.models.descriptor().describe(aligner.align(image, face)));
                float[] faceres = unit(pipeline.models.attributes().analyze(image, face).descriptor());
                entries.add(new Entry(photo, dlib, faceres));
            } catch (InvalidImageException e) {
                throw new IllegalStateException(photo.path() + " does not decode", e);
            }
        }
        return entries;
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
