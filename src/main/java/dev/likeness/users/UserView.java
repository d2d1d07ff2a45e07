package dev.likeness.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The user object. List rows leave out {@code metadata}, {@code comments}
 * and {@code updated_at}; those three are null only there, so they are dropped when null.
 */
public record UserView(UUID diditInternalId, String vendorData, String displayName, String fullName,
                       LocalDate dateOfBirth, String effectiveName, String status, String portraitImageUrl,
                       long sessionCount, long approvedCount, long declinedCount, long inReviewCount,
                       List<String> issuingStates, List<String> approvedEmails, List<String> approvedPhones,
                       Map<String, String> features, List<FeatureStatus> featuresList,
                       OffsetDateTime lastSessionAt, OffsetDateTime lastActivityAt, OffsetDateTime firstSessionAt,
                       List<Object> tags, OffsetDateTime createdAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode metadata,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<CommentView> comments,
                       @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime updatedAt) {

    public record FeatureStatus(String feature, String status) {
    }

    public record CommentView(UUID uuid, String commentType, String comment, String actorEmail, String actorName,
                              String previousStatus, String newStatus, OffsetDateTime createdAt) {
        static CommentView of(UserComment c) {
            return new CommentView(c.id, c.commentType, c.comment, null, c.actorName, c.previousStatus, c.newStatus,
                    c.createdAt);
        }
    }
}
