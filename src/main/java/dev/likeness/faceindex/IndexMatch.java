package dev.likeness.faceindex;

import dev.likeness.media.SignedUrlIssuer;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A search or screening hit with the facts of the face it matched, as stored on a liveness item.
 * The image is kept as a media id and signed only when shown, since signed links expire.
 */
public record IndexMatch(UUID faceId, UUID sessionId, Long sessionNumber, double similarityPercentage, String source,
                         String vendorData, OffsetDateTime verificationDate, String status, boolean isBlocklisted,
                         boolean isAllowlisted, String apiService, UUID vendorUserId, UUID mediaId) {

    /** Didit's match object. {@code user_details} is all null: this service reads no documents' text. */
    public record View(UUID sessionId, Long sessionNumber, double similarityPercentage, String source, String vendorData,
                       OffsetDateTime verificationDate, UserDetails userDetails, String matchImageUrl, String status,
                       boolean isBlocklisted, boolean isAllowlisted, String apiService, UUID vendorUserId,
                       UUID biometricTemplateId) {
    }

    public record UserDetails(String fullName, String documentType, String documentNumber) {
    }

    /** @param links null when the caller may not see media (the link is then null, as with Didit) */
    public View view(SignedUrlIssuer links) {
        String url = links == null || mediaId == null ? null : links.link(mediaId);
        return new View(sessionId, sessionNumber, similarityPercentage, source, vendorData, verificationDate,
                new UserDetails(null, null, null), url, status, isBlocklisted, isAllowlisted, apiService, vendorUserId, null);
    }
}
