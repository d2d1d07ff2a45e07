package dev.likeness.face;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * What the engine found in one image.
 *
 * @param image the image as analysed: upright (EXIF applied) and turned by {@code bestAngle}
 * @param bestAngle clockwise rotation in degrees (0, 90, 180, 270) under which the face was found
 * @param faces every face, largest first; the first is the subject
 * @param embedding the subject's descriptor (null without a subject or when not requested)
 * @param quality the subject's quality and luminance (null without a subject)
 */
public record FaceAnalysis(BufferedImage image, int bestAngle, List<AnalyzedFace> faces, float[] embedding,
                           FaceQuality quality) {

    public Optional<AnalyzedFace> subject() {
        return faces.isEmpty() ? Optional.empty() : Optional.of(faces.get(0));
    }

    public boolean hasSeveralFaces() {
        return faces.size() > 1;
    }
}
