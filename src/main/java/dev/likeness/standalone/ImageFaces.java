package dev.likeness.standalone;

import dev.likeness.face.AnalyzedFace;
import dev.likeness.face.FaceAnalysis;

import java.util.List;

/** The {@code user_image} / {@code ref_image} block of a standalone answer. */
public record ImageFaces(List<Entity> entities, int bestAngle) {

    /** One face as Didit lists it: bbox {@code [x1, y1, x2, y2]} in pixels of the uploaded image. */
    public record Entity(int[] bbox, double confidence, Double age, String gender, String race) {
        static Entity of(AnalyzedFace face, int subsampling) {
            var f = face.face();
            int[] bbox = {Math.round(f.x1() * subsampling), Math.round(f.y1() * subsampling),
                    Math.round(f.x2() * subsampling), Math.round(f.y2() * subsampling)};
            Double age = face.age() == null ? null : Math.round(face.age() * 100.0) / 100.0;
            return new Entity(bbox, Math.round(f.confidence() * 1e6) / 1e6, age, face.gender(), null);
        }
    }

    /** @param subsampling the decode's subsampling, so boxes are in the upload's own pixels */
    static ImageFaces of(FaceAnalysis analysis, int subsampling) {
        return new ImageFaces(analysis.faces().stream().map(f -> Entity.of(f, subsampling)).toList(), analysis.bestAngle());
    }
}
