package dev.likeness.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.likeness.risk.Warning;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.LivenessMethod;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The v3 decision envelope, as {@code GET /v3/session/{id}/decision/} returns it and
 * webhooks attach it. Feature blocks are arrays, null until the feature produced data.
 */
public record Decision(
        UUID sessionId,
        String sessionKind,
        long sessionNumber,
        String sessionUrl,
        Status status,
        String environment,
        UUID workflowId,
        Integer workflowVersion,
        List<String> features,
        String vendorData,
        JsonNode metadata,
        JsonNode expectedDetails,
        JsonNode contactDetails,
        String callback,
        List<IdVerification> idVerifications,
        List<Object> nfcVerifications,
        List<LivenessItem> livenessChecks,
        List<FaceMatchItem> faceMatches,
        List<Object> poaVerifications,
        List<Object> phoneVerifications,
        List<Object> emailVerifications,
        List<Object> amlScreenings,
        List<Object> ipAnalyses,
        List<Object> databaseValidations,
        List<Object> questionnaireResponses,
        List<Review> reviews,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt) {

    /** {@code liveness_checks[]} item. */
    public record LivenessItem(String nodeId, Status status, LivenessMethod method, Double score, String referenceImage,
                               String videoUrl, Double ageEstimation, List<Object> matches, Double faceQuality,
                               Double faceLuminance, List<Warning> warnings) {
    }

    /** {@code face_matches[]} item. */
    public record FaceMatchItem(String nodeId, Status status, Double score, UUID sourceImageSessionId,
                                String sourceImage, String targetImage, List<Warning> warnings) {
    }

    /** {@code id_verifications[]} item, reduced to what this service reads: the document photo and its portrait. */
    public record IdVerification(String nodeId, Status status, String frontImage, String portraitImage,
                                 List<Warning> warnings) {
    }

    /** {@code reviews[]} entry. */
    public record Review(UUID id, String action, Status oldStatus, Status newStatus, String note,
                         OffsetDateTime createdAt) {
    }
}
