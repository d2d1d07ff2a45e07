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

/** Reviewer actions: {@code update-status} and review entries, with their exact rules. */
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

    private static final Set<Status> UPDATE_TARGETS = Set.of(Status.APPROVED, Status.DECLINED, Status.RESUBMITTED);
    private static final Set<Status> REVIEW_TARGETS = Set.of(Status.APPROVED, Status.DECLINED, Status.IN_REVIEW);
    private static final Set<Status> RESUBMITTABLE = Set.of(Status.DECLINED, Status.IN_REVIEW, Status.NOT_FINISHED,
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
        Status to = choice(body.newStatus(), UPDATE_TARGETS);
        if (Boolean.TRUE.equals(body.sendEmail()) && (body.emailAddress() == null || body.emailAddress().isBlank())) {
            throw new FieldValidationException("email_address", "This field is required when send_email is true.");
        }
        if (session.status == to) {
            if (to == Status.RESUBMITTED) {
                throw new ApiException(400, "The new status is the same as the current status.");
            }
            return; // Approved → Approved and Declined → Declined change nothing and notify no one.
        }
        if (to == Status.RESUBMITTED) {
            resubmit(session, body.nodesToResubmit());
        }
        Status from = session.status;
        machine.move(session, to);
        record(session, "status_change", from, to, body.comment());
    }

    @Transactional
    public SessionReview addReview(UUID applicationId, UUID sessionId, NewReview body) {
        VerificationSession session = VerificationSession.findVisible(applicationId, sessionId)
                .orElseThrow(ApiException::notFound);
        if (body == null || body.newStatus() == null) {
            throw new FieldValidationException("new_status", "This field is required.");
        }
        Status to = choice(body.newStatus(), REVIEW_TARGETS);
        if (body.comment() != null && body.comment().length() > 10_000) {
            throw new FieldValidationException("comment", "Ensure this field has no more than 10000 characters.");
        }
        if (to == Status.IN_REVIEW || session.status == to) {
            return record(session, "note", session.status, session.status, body.comment());
        }
        requireReviewable(session);
        Status from = session.status;
        machine.move(session, to);
        return record(session, "status_change", from, to, body.comment());
    }

    /** The status a reviewer asked for, when it is one of {@code allowed}; the wire text must match exactly. */
    private static Status choice(String requested, Set<Status> allowed) {
        return Status.ofWire(requested).filter(allowed::contains).orElseThrow(() ->
                new FieldValidationException("new_status", "\"" + requested + "\" is not a valid choice."));
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

    private static SessionReview record(VerificationSession session, String action, Status from, Status to, String comment) {
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
