package dev.likeness.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.likeness.faceindex.IndexMatch;
import dev.likeness.media.MediaVault;
import dev.likeness.risk.Warning;
import dev.likeness.session.FaceMatchCheck;
import dev.likeness.session.LivenessCheck;
import dev.likeness.session.SessionStatusChanged;
import dev.likeness.session.VerificationSession;
import dev.likeness.storedface.StoredFaces;
import dev.likeness.users.UserEnrolment;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.LivenessMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code save_api_request=true}: a standalone call is kept as an API-type session of the calling
 * application, with its images encrypted, so its {@code request_id} works with the decision
 * endpoint and a {@code status.updated} event goes out, as with Didit.
 */
@ApplicationScoped
class ApiRequestRecorder {

    /** An image to keep with the record. */
    record StoredImage(byte[] bytes, String contentType, String kind) {
    }

    /**
     * The captured face to add to the application's face index, and what screening found.
     *
     * @param descriptor null when no face was found (nothing is enrolled)
     * @param source face_template source: {@code standalone} or {@code face_search}
     * @param apiService the match's {@code api_service} when this face is found later
     */
    record Indexed(float[] descriptor, String modelVersion, String source, String apiService, List<IndexMatch> matches) {
    }

    private final MediaVault vault;
    private final StoredFaces storedFaces;
    private final Event<SessionStatusChanged> statusChanged;
    private final UserEnrolment users;

    ApiRequestRecorder(MediaVault vault, StoredFaces storedFaces, Event<SessionStatusChanged> statusChanged,
                       UserEnrolment users) {
        this.vault = vault;
        this.storedFaces = storedFaces;
        this.statusChanged = statusChanged;
        this.users = users;
    }

    @Transactional
    UUID faceMatch(UUID applicationId, Status status, Double score, List<Warning> warnings, String vendorData,
                   JsonNode metadata, StoredImage user, StoredImage ref, OffsetDateTime at) {
        VerificationSession session = session(applicationId, "FACE_MATCH", status, vendorData, metadata, "[\"FACE_MATCH\"]", at);
        FaceMatchCheck check = new FaceMatchCheck();
        check.id = UUID.randomUUID();
        check.sessionId = session.id;
        check.applicationId = applicationId;
        check.status = status;
        check.score = score == null ? null : BigDecimal.valueOf(score);
        check.warnings = List.copyOf(warnings);
        check.targetMediaId = vault.store(applicationId, session.id, user.kind(), user.contentType(), user.bytes());
        check.sourceMediaId = vault.store(applicationId, session.id, ref.kind(), ref.contentType(), ref.bytes());
        check.attempts = 1;
        check.createdAt = at;
        check.updatedAt = at;
        check.persist();
        statusChanged.fire(new SessionStatusChanged(applicationId, session.id, null, status));
        return session.id;
    }

    @Transactional
    UUID liveness(UUID applicationId, String apiService, Status status, Double score, Double quality, Double luminance,
                  Double age, List<Warning> warnings, String vendorData, JsonNode metadata, StoredImage user,
                  Indexed indexed, OffsetDateTime at) {
        String features = "FACE_SEARCH".equals(apiService) ? "[\"FACE_SEARCH\"]" : "[\"LIVENESS\"]";
        VerificationSession session = session(applicationId, apiService, status, vendorData, metadata, features, at);
        LivenessCheck check = new LivenessCheck();
        check.id = UUID.randomUUID();
        check.sessionId = session.id;
        check.applicationId = applicationId;
        check.status = status;
        check.method = LivenessMethod.PASSIVE;
        check.score = decimal(score);
        check.faceQuality = decimal(quality);
        check.faceLuminance = decimal(luminance);
        check.ageEstimation = decimal(age);
        check.warnings = List.copyOf(warnings);
        check.referenceMediaId = vault.store(applicationId, session.id, user.kind(), user.contentType(), user.bytes());
        check.matches = List.copyOf(indexed.matches());
        check.attempts = 1;
        check.createdAt = at;
        check.updatedAt = at;
        check.persist();
        if (indexed.descriptor() != null) {
            storedFaces.save(applicationId, session.id, vendorData, indexed.source(), status == Status.APPROVED,
                    indexed.descriptor(), indexed.modelVersion(), check.referenceMediaId, indexed.apiService());
        }
        statusChanged.fire(new SessionStatusChanged(applicationId, session.id, null, status));
        return session.id;
    }

    private VerificationSession session(UUID applicationId, String apiService, Status status, String vendorData,
                                        JsonNode metadata, String features, OffsetDateTime at) {
        VerificationSession session = new VerificationSession();
        session.id = UUID.randomUUID();
        session.applicationId = applicationId;
        session.apiService = apiService;
        session.status = status;
        session.vendorData = vendorData;
        session.metadata = metadata == null ? null : metadata.toString();
        session.features = features;
        session.createdAt = at;
        session.updatedAt = at;
        session.persist();
        users.enrol(applicationId, vendorData);
        return session;
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
