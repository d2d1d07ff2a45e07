package dev.likeness.measurement;

import dev.likeness.face.FaceAnalysis;
import dev.likeness.media.DecodedImage;

/**
 * What the models saw on the photo of an identity document.
 *
 * @param image the decoded upload
 * @param analysis the portrait's face and descriptor (searched under the four right-angle rotations)
 * @param portraitJpeg the portrait cut out as a JPEG, or null when no face was found
 */
public record DocumentMeasurement(DecodedImage image, FaceAnalysis analysis, byte[] portraitJpeg) {
}
