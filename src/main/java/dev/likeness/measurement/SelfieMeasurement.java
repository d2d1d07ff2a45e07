package dev.likeness.measurement;

import dev.likeness.face.FaceAnalysis;
import dev.likeness.media.DecodedImage;

/**
 * What the models saw in one selfie.
 *
 * @param image the decoded upload
 * @param analysis the faces found, the subject's descriptor and quality, and age and gender when the
 *     liveness method asked for them
 * @param passiveScore 0–100 passive liveness score; null without a face, or when the liveness method
 *     asks for none
 */
public record SelfieMeasurement(DecodedImage image, FaceAnalysis analysis, Double passiveScore) {
}
