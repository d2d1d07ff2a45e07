package dev.likeness.session;

import java.util.UUID;

/**
 * The face a new session's selfie will be compared with: from {@code portrait_image} (bytes kept),
 * or a stored face of the same {@code vendor_data} (its descriptor and image reused).
 */
record ReferenceFace(float[] embedding, byte[] portraitBytes, String contentType, UUID storedMediaId) {
}
