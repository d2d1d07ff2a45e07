package dev.likeness.session;

import dev.likeness.common.ApiException;
import dev.likeness.common.FieldValidationException;
import dev.likeness.media.MediaVault;
import dev.likeness.verdict.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reviewer actions: {@code update-status} and review entries (reference §2.5), with their exact rules. */
@ApplicationScoped
public class SessionReviews {

    /** {@code PATCH /v3/session/{id}/update-status/} body. */
    public record UpdateStatus(String newStatus, String comment, Boolean sendEmail, String emailAddress,
                               String emailLanguage, List<NodeToResubmit> nodesToResubmit) {
    }

    public record NodeToResubmit(String nodeId, String feature) {
    }

    /** {@code POST /v3/sessions/{id}/reviews/} body. */
    public record NewReview(String newStatus, String comment) {
    }

    private static final Set<String> UPDATE_TARGETS = Set.of(Status.APPROVED, Status.DECLINED, Status.RESUBMITTED);
    private static final Set<String> REVIEW_TARGETS = Set.of(Status.APPROVED, Status.DECLINED, Status.IN_REVIEW);
    private static final Set<String> RESUBMITTABLE = Set.of(Status.DECLINED, Status.IN_REVIEW, Status.NOT_FINISHED,
            Status.EXPIRED);

    private final SessionStatusMachine machine;
    private final MediaVault vault;
    private final SessionConfig config;

    public SessionReviews(SessionStatusMachine machine, MediaVault vault, SessionConfig config) {
        this.machine = machine;
        this.vault = vault;
        this.config = config;
    }

    @Transactional
    public void updateStatus(UUID applicationId, UUID sessionId, UpdateStatus body) {
        VerificationSession session = VerificationSession.findVisible(applicationId, sessionId)
                .orElseThrow(ApiException::notFound);
        // Didit checks the current status before it looks at the body.
        requireReviewable(session);
        if (body == null || body.newStatus() == null) {
            throw new FieldValidationException("new_status", "This field is required.");
        }
        if (!UPDATE_TARGETS.contains(body.newStatus())) {
            throw new FieldValidationException("new_status", "\"" + body.newStatus() + "\" is not a valid choice.");
        }
        if (Boolean.TRUE.equals(body.sendEmail()) && (body.emailAddress() == null || body.emailAddress().isBlank())) {
            throw new FieldValidationException("email_address", "This field is required when send_email is true.");
        }
        if (session.status.equals(body.newStatus())) {
            if (Status.RESUBMITTED.equals(body.newStatus())) {
                throw new ApiException(400, "The new status is the same as the current status.");
            }
            return; // Approved → Approved and Declined → Declined change nothing and notify no one.
        }
        if (Status.RESUBMITTED.equals(body.newStatus())) {
            resubmit(session, body.nodesToResubmit());
        }
        String from = session.status;
        machine.move(session, body.newStatus());
        record(session, "status_change", from, body.newStatus(), body.comment());
    }

    @Transactional
    public SessionReview addReview(UUID applicationId, UUID sessionId, NewReview body) {
        VerificationSession session = VerificationSession.findVisible(applicationId, sessionId)
                .orElseThrow(ApiException::notFound);
        if (body == null || body.newStatus() == null) {
            throw new FieldValidationException("new_status", "This field is required.");
        }
        if (!REVIEW_TARGETS.contains(body.newStatus())) {
            throw new FieldValidationException("new_status", "\"" + body.newStatus() + "\" is not a valid choice.");
        }
        if (body.comment() != null && body.comment().length() > 10_000) {
            throw new FieldValidationException("comment", "Ensure this field has no more than 10000 characters.");
        }
        if (Status.IN_REVIEW.equals(body.newStatus()) || session.status.equals(body.newStatus())) {
            return record(session, "note", session.status, session.status, body.comment());
        }
        requireReviewable(session);
        String from = session.status;
        machine.move(session, body.newStatus());
        return record(session, "status_change", from, body.newStatus(), body.comment());
    }

    private static void requireReviewable(VerificationSession session) {
        if (!SessionStatusMachine.REVIEWABLE.contains(session.status)) {
            throw new ApiException(400, "The session's current status (" + session.status
                    + ") does not allow a manual status change.", "wrong_current_status");
        }
    }

    /** Reopens the chosen steps: their captured data is deleted and the session's link works again. */
    private void resubmit(VerificationSession session, List<NodeToResubmit> requested) {
        List<SessionItem> chosen = new ArrayList<>();
        List<LivenessCheck> liveness = LivenessCheck.ofSession(session.id);
        List<FaceMatchCheck> matches = FaceMatchCheck.ofSession(session.id);
        List<DocumentCheck> documents = DocumentCheck.ofSession(session.id);
        if (requested == null || requested.isEmpty()) {
            liveness.stream().filter(c -> RESUBMITTABLE.contains(c.status)).forEach(chosen::add);
            matches.stream().filter(c -> RESUBMITTABLE.contains(c.status)).forEach(chosen::add);
            documents.stream().filter(c -> RESUBMITTABLE.contains(c.status)).forEach(chosen::add);
        } else {
            for (NodeToResubmit node : requested) {
                Map<String, List<? extends SessionItem>> byFeature = Map.of("LIVENESS", liveness, "FACE_MATCH", matches,
                        "ID_VERIFICATION", documents, "OCR", documents);
                List<? extends SessionItem> items = byFeature.get(node.feature() == null ? "" : node.feature().toUpperCase());
                if (items == null) {
                    throw new FieldValidationException("nodes_to_resubmit", "Unknown feature " + node.feature() + ".");
                }
                items.stream().filter(i -> node.nodeId() == null || node.nodeId().equals(i.nodeId)).forEach(chosen::add);
            }
        }
        if (chosen.isEmpty()) {
            throw new FieldValidationException("nodes_to_resubmit", "No step qualifies for resubmission; list the nodes to resubmit.");
        }
        chosen.forEach(SessionItem::delete);
        vault.deleteCaptures(session.id);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        session.expiresAt = now.plus(config.expiry());
        if (session.sessionToken == null) {
            session.sessionToken = SessionTokens.next();
        }
    }

    private static SessionReview record(VerificationSession session, String action, String from, String to, String comment) {
        SessionReview review = new SessionReview();
        review.id = UUID.randomUUID();
        review.sessionId = session.id;
        review.applicationId = session.applicationId;
        review.action = action;
        review.oldStatus = from;
        review.newStatus = to;
        review.comment = comment;
        review.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        review.persist();
        return review;
    }
}
