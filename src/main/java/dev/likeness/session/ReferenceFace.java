package dev.likeness.session;

import java.util.UUID;

/**
 * The face a new session's selfie will be compared with: from {@code portrait_image} (bytes kept),
 * or a stored face of the same {@code vendor_data} (its descriptor and image reused).
 *
 * @param stored        true when the face was reused rather than sent with the request
 * @param sourceSession the earlier session a reused face was captured in; null for a portrait sent
 *                      with the request or a face enrolled outside any session
 */
record ReferenceFace(float[] embedding, byte[] portraitBytes, String contentType, UUID storedMediaId,
                     boolean stored, UUID sourceSession) {

    /** What {@code source_image_session_id} names: where the face came from. */
    UUID sourceImageSessionId(UUID newSessionId) {
        return stored ? sourceSession : newSessionId;
    }
}
