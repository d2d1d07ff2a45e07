package dev.likeness.standalone;

import dev.likeness.face.AnalyzedFace;
import dev.likeness.face.FaceAnalysis;

import java.util.List;

/** The {@code user_image} / {@code ref_image} block of a standalone answer. */
public record ImageFaces(List<Entity> entities, int bestAngle) {

    /** One face as Didit lists it: bbox {@code [x1, y1, x2, y2]} in pixels of the analysed image. */
    public record Entity(int[] bbox, double confidence, Double age, String gender, String race) {
        static Entity of(AnalyzedFace face) {
            var f = face.face();
            int[] bbox = {Math.round(f.x1()), Math.round(f.y1()), Math.round(f.x2()), Math.round(f.y2())};
            Double age = face.age() == null ? null : Math.round(face.age() * 100.0) / 100.0;
            return new Entity(bbox, Math.round(f.confidence() * 1e6) / 1e6, age, face.gender(), null);
        }
    }

    static ImageFaces of(FaceAnalysis analysis) {
        return new ImageFaces(analysis.faces().stream().map(Entity::of).toList(), analysis.bestAngle());
    }
}
