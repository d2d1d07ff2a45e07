package dev.likeness.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.media.MediaVault;
import dev.likeness.risk.Warning;
import dev.likeness.session.FaceMatchCheck;
import dev.likeness.session.LivenessCheck;
import dev.likeness.session.SessionStatusChanged;
import dev.likeness.session.VerificationSession;
import dev.likeness.users.UserEnrolment;
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

    private final MediaVault vault;
    private final ObjectMapper mapper;
    private final Event<SessionStatusChanged> statusChanged;
    private final UserEnrolment users;

    ApiRequestRecorder(MediaVault vault, ObjectMapper mapper, Event<SessionStatusChanged> statusChanged,
                       UserEnrolment users) {
        this.vault = vault;
        this.mapper = mapper;
        this.statusChanged = statusChanged;
        this.users = users;
    }

    @Transactional
    UUID faceMatch(UUID applicationId, String status, Double score, List<Warning> warnings, String vendorData,
                   JsonNode metadata, StoredImage user, StoredImage ref, OffsetDateTime at) {
        VerificationSession session = session(applicationId, "FACE_MATCH", status, vendorData, metadata, "[\"FACE_MATCH\"]", at);
        FaceMatchCheck check = new FaceMatchCheck();
        check.id = UUID.randomUUID();
        check.sessionId = session.id;
        check.applicationId = applicationId;
        check.status = status;
        check.score = score == null ? null : BigDecimal.valueOf(score);
        check.warnings = json(warnings);
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
    UUID liveness(UUID applicationId, String apiService, String status, Double score, Double quality, Double luminance,
                  Double age, List<Warning> warnings, String vendorData, JsonNode metadata, StoredImage user,
                  OffsetDateTime at) {
        VerificationSession session = session(applicationId, apiService, status, vendorData, metadata, "[\"LIVENESS\"]", at);
        LivenessCheck check = new LivenessCheck();
        check.id = UUID.randomUUID();
        check.sessionId = session.id;
        check.applicationId = applicationId;
        check.status = status;
        check.method = "PASSIVE";
        check.score = decimal(score);
        check.faceQuality = decimal(quality);
        check.faceLuminance = decimal(luminance);
        check.ageEstimation = decimal(age);
        check.warnings = json(warnings);
        check.referenceMediaId = vault.store(applicationId, session.id, user.kind(), user.contentType(), user.bytes());
        check.attempts = 1;
        check.createdAt = at;
        check.updatedAt = at;
        check.persist();
        statusChanged.fire(new SessionStatusChanged(applicationId, session.id, null, status));
        return session.id;
    }

    private VerificationSession session(UUID applicationId, String apiService, String status, String vendorData,
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

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("warnings could not be written", e);
        }
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
