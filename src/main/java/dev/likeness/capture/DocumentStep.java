package dev.likeness.capture;

import dev.likeness.common.ApiException;
import dev.likeness.face.FaceMatcher;
import dev.likeness.measurement.DocumentMeasurement;
import dev.likeness.media.MediaVault;
import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;
import dev.likeness.session.DocumentCheck;
import dev.likeness.session.PinnedSession;
import dev.likeness.session.SessionOutcome;
import dev.likeness.session.VerificationSession;
import dev.likeness.storedface.StoredFace;
import dev.likeness.storedface.StoredFaces;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.FeatureNode;
import dev.likeness.workflow.FeatureSettingsParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The identity-document photo of a {@code kyc} session, reduced to what this service does: find the
 * portrait on it, keep the photo and the cropped portrait, and make the portrait the face-match
 * reference (no OCR, no MRZ). {@link dev.likeness.measurement.FaceMeasurer} finds and cuts out the portrait.
 */
@ApplicationScoped
public class DocumentStep {

    private final CaptureSessions sessions;
    private final SessionOutcome outcome;
    private final FaceMatcher matcher;
    private final StoredFaces storedFaces;
    private final MediaVault vault;

    public DocumentStep(CaptureSessions sessions, SessionOutcome outcome, FaceMatcher matcher, StoredFaces storedFaces,
                        MediaVault vault) {
        this.sessions = sessions;
        this.outcome = outcome;
        this.matcher = matcher;
        this.storedFaces = storedFaces;
        this.vault = vault;
    }

    public void requireExpected(String token) {
        PinnedSession open = sessions.byToken(token);
        CaptureSessions.requireInProgress(open.session());
        if (!open.isKyc()) {
            throw new ApiException(409, "This session takes no identity document.", "document_not_expected");
        }
        boolean done = DocumentCheck.<DocumentCheck>find("sessionId = ?1 and status <> ?2", open.session().id,
                Status.NOT_FINISHED).firstResultOptional().isPresent();
        if (done) {
            throw new ApiException(409, "The identity document was already captured.", "document_done");
        }
    }

    @Transactional
    public CaptureState record(String token, byte[] bytes, DocumentMeasurement m) {
        PinnedSession open = sessions.byToken(token, true);
        VerificationSession session = open.session();
        CaptureSessions.requireInProgress(session);
        FeatureNode node = open.node(FeatureSettingsParser.ID_VERIFICATION).orElseThrow();
        int maxAttempts = open.document().orElseThrow().documentMaxAttempts();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        DocumentCheck check = DocumentCheck.<DocumentCheck>find("sessionId", session.id).firstResultOptional().orElseGet(() -> {
            DocumentCheck created = new DocumentCheck();
            created.begin(session, node.nodeId(), now);
            return created;
        });
        check.attempts += 1;
        check.updatedAt = now;
        vault.deleteCapturesOfKind(session.id, "document");
        vault.deleteCapturesOfKind(session.id, "document_portrait");
        check.frontMediaId = vault.store(session.applicationId, session.id, "document", m.image().format().mediaType(),
                bytes);
        String result;
        List<Warning> warnings;
        if (m.analysis().embedding() != null) {
            check.portraitMediaId = vault.store(session.applicationId, session.id, "document_portrait", "image/jpeg",
                    m.portraitJpeg());
            storedFaces.save(session.applicationId, session.id, session.vendorData, StoredFace.DOCUMENT, false,
                    m.analysis().embedding(), matcher.modelVersion(), check.portraitMediaId);
            warnings = List.of();
            check.status = Status.APPROVED;
            result = "accepted";
        } else {
            warnings = List.of(Warning.of(Risk.PORTRAIT_IMAGE_NOT_DETECTED, LogType.ERROR, node.nodeId()));
            boolean retry = check.attempts < maxAttempts;
            check.status = retry ? Status.NOT_FINISHED : Status.DECLINED;
            check.portraitMediaId = null;
            result = retry ? "retry" : "final";
        }
        check.warnings = warnings;
        check.persist();
        DocumentCheck.flush();
        if ("final".equals(result)) {
            // Without a portrait there is nothing to match a selfie against: the session ends here.
            outcome.declineForMissingDocument(open);
        }
        return sessions.state(open, new CaptureState.LastAttempt("document", result,
                warnings.stream().map(Warning::risk).toList(), Math.max(0, maxAttempts - check.attempts)));
    }
}
