package dev.likeness.measurement;

import dev.likeness.media.DecodedImage;

/**
 * A picture a later face is compared with: a session's portrait, a face-index upload, a stored
 * face described again after a model-pack change.
 *
 * @param image the decoded picture
 * @param descriptor the main face's descriptor, or null when no face was found
 */
public record ReferenceMeasurement(DecodedImage image, float[] descriptor) {

    public boolean faceFound() {
        return descriptor != null;
    }
}
