package dev.likeness.capture;

import dev.likeness.common.ApiException;
import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.AnalyzedFace;
import dev.likeness.face.DetectedFace;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.FaceEngine;
import dev.likeness.face.FaceMatcher;
import dev.likeness.media.DecodedImage;
import dev.likeness.media.MediaVault;
import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;
import dev.likeness.runtime.InferenceSlots;
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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * The identity-document photo of a {@code kyc} session, reduced to what this service does: find the
 * portrait on it, keep the photo and the cropped portrait, and make the portrait the face-match
 * reference (no OCR, no MRZ).
 */
@ApplicationScoped
public class DocumentStep {

    /** The analysed document photo and its cropped portrait (null when no face was found). */
    /** @param mediaType the document photo's own format, for storing it */
    record Measurement(FaceAnalysis analysis, byte[] portraitJpeg, String mediaType) {
    }

    private final CaptureSessions sessions;
    private final SessionOutcome outcome;
    private final FaceEngine engine;
    private final FaceMatcher matcher;
    private final InferenceSlots slots;
    private final StoredFaces storedFaces;
    private final MediaVault vault;

    public DocumentStep(CaptureSessions sessions, SessionOutcome outcome, FaceEngine engine, FaceMatcher matcher,
                        InferenceSlots slots, StoredFaces storedFaces, MediaVault vault) {
        this.sessions = sessions;
        this.outcome = outcome;
        this.engine = engine;
        this.matcher = matcher;
        this.slots = slots;
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

    /** @param read decodes the upload, inside the inference slot (see {@link SelfieStep#measure}) */
    public Measurement measure(Supplier<DecodedImage> read) {
        return slots.run(() -> {
            DecodedImage image = read.get();
            FaceAnalysis analysis = engine.analyze(image.image(), new AnalysisOptions(true, true, false));
            byte[] portrait = analysis.subject().map(face -> crop(analysis.image(), face)).orElse(null);
            return new Measurement(analysis, portrait, image.format().mediaType());
        });
    }

    @Transactional
    public CaptureState record(String token, byte[] bytes, String contentType, Measurement m) {
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
        check.frontMediaId = vault.store(session.applicationId, session.id, "document", contentType, bytes);
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

    /** The face box widened to a passport-photo frame, as a JPEG for the decision's portrait link. */
    private static byte[] crop(BufferedImage image, AnalyzedFace face) {
        DetectedFace f = face.face();
        float cx = (f.x1() + f.x2()) / 2;
        float cy = (f.y1() + f.y2()) / 2;
        float half = Math.max(f.width(), f.height()) * 0.8f;
        int x0 = Math.max(0, Math.round(cx - half));
        int y0 = Math.max(0, Math.round(cy - half * 1.15f));
        int x1 = Math.min(image.getWidth(), Math.round(cx + half));
        int y1 = Math.min(image.getHeight(), Math.round(cy + half * 1.15f));
        BufferedImage portrait = new BufferedImage(Math.max(1, x1 - x0), Math.max(1, y1 - y0), BufferedImage.TYPE_INT_RGB);
        portrait.getGraphics().drawImage(image.getSubimage(x0, y0, portrait.getWidth(), portrait.getHeight()), 0, 0, null);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(portrait, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
