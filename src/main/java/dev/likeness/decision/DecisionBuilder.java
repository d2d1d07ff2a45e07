package dev.likeness.decision;

import dev.likeness.common.StoredJson;
import dev.likeness.faceindex.IndexMatch;
import dev.likeness.media.SignedUrlIssuer;
import dev.likeness.security.Application;
import dev.likeness.session.DocumentCheck;
import dev.likeness.session.FaceMatchCheck;
import dev.likeness.session.LivenessCheck;
import dev.likeness.session.SessionReview;
import dev.likeness.session.SessionUrls;
import dev.likeness.session.VerificationSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;

/**
 * Builds the decision envelope from stored rows only: a handful of indexed reads, no model work and
 * no image decoding, so polling it is cheap. Media fields get freshly signed links on every build.
 */
@ApplicationScoped
public class DecisionBuilder {

    private final SignedUrlIssuer links;
    private final SessionUrls urls;
    private final StoredJson json;

    public DecisionBuilder(SignedUrlIssuer links, SessionUrls urls, StoredJson json) {
        this.links = links;
        this.urls = urls;
        this.json = json;
    }

    public Decision build(VerificationSession session) {
        Application application = Application.findById(session.applicationId);
        List<String> features = json.strings(session.features);
        List<Decision.LivenessItem> liveness = LivenessCheck.ofSession(session.id).stream().map(this::liveness).toList();
        List<Decision.FaceMatchItem> matches = FaceMatchCheck.ofSession(session.id).stream().map(this::faceMatch).toList();
        List<Decision.IdVerification> documents = DocumentCheck.ofSession(session.id).stream().map(this::document).toList();
        List<Decision.Review> reviews = SessionReview.ofSession(session.id).stream()
                .map(r -> new Decision.Review(r.id, r.action, r.oldStatus, r.newStatus, r.comment, r.createdAt)).toList();
        return new Decision(session.id, session.sessionKind, session.sessionNumber, urls.url(session), session.status,
                application == null ? "live" : application.environment, session.workflowId, session.workflowVersion,
                features, session.vendorData, json.tree(session.metadata), json.tree(session.expectedDetails),
                json.tree(session.contactDetails), session.callback,
                orNull(documents), null, orNull(liveness), orNull(matches), null, null, null, null, null, null, null,
                reviews, session.createdAt, session.expiresAt);
    }

    private Decision.LivenessItem liveness(LivenessCheck c) {
        return new Decision.LivenessItem(c.nodeId, c.status, c.method, number(c.score), links.link(c.referenceMediaId),
                links.link(c.videoMediaId), number(c.ageEstimation), matches(c.matches), number(c.faceQuality),
                number(c.faceLuminance), c.warnings);
    }

    private Decision.FaceMatchItem faceMatch(FaceMatchCheck c) {
        return new Decision.FaceMatchItem(c.nodeId, c.status, number(c.score), c.sourceImageSessionId,
                links.link(c.sourceMediaId), links.link(c.targetMediaId), c.warnings);
    }

    private Decision.IdVerification document(DocumentCheck c) {
        return new Decision.IdVerification(c.nodeId, c.status, links.link(c.frontMediaId), links.link(c.portraitMediaId),
                c.warnings);
    }

    /** Screening hits with freshly signed images; an empty list before screening ran. */
    private List<Object> matches(List<IndexMatch> matches) {
        return matches == null ? List.of() : matches.stream().<Object>map(m -> m.view(links)).toList();
    }

    private static <T> List<T> orNull(List<T> items) {
        return items.isEmpty() ? null : items;
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
