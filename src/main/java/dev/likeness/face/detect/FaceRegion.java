package dev.likeness.face.detect;

import ai.djl.modality.cv.Image;
import dev.likeness.face.DetectedFace;

/** A detected face together with the image it was found in. */
public record FaceRegion(Image image, DetectedFace face) {
}
