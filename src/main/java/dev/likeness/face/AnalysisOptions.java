package dev.likeness.face;

/**
 * What to compute beyond detection: only what the caller will use, since each model costs time.
 *
 * @param tryRotations also look at the image turned by 90, 180 and 270 degrees ({@code rotate_image})
 * @param embed compute the subject's descriptor (face match)
 * @param attributes estimate age and gender of each face
 */
public record AnalysisOptions(boolean tryRotations, boolean embed, boolean attributes) {
}
