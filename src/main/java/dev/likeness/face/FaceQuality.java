package dev.likeness.face;

/**
 * How usable a captured face is, both on 0–100.
 *
 * @param quality weighted mix of sharpness, face size, pose and exposure (see {@link FaceQualityAssessor})
 * @param luminance mean brightness of the face region
 */
public record FaceQuality(double quality, double luminance) {
}
