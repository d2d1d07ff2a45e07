package dev.likeness.session;

import dev.likeness.common.ApiException;
import dev.likeness.common.FieldValidationException;
import dev.likeness.common.StoredJson;
import dev.likeness.face.FaceMatcher;
import dev.likeness.media.MediaVault;
import dev.likeness.storedface.StoredFace;
import dev.likeness.storedface.StoredFaces;
import dev.likeness.users.UserEnrolment;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.FeatureSettingsParser;
import dev.likeness.workflow.WorkflowCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /v3/session/}: validates the request, reuses an unfinished session of the same user,
 * resolves the reference face and stores the new session. Nothing is written unless
 * every check passed.
 */
@ApplicationScoped
public class SessionCreator {

    private static final Set<String> CALLBACK_METHODS = Set.of("initiator", "completer", "both");
    private static final Set<Status> REUSABLE = Set.of(Status.NOT_STARTED, Status.IN_PROGRESS, Status.RESUBMITTED,
            Status.AWAITING_USER);
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z]{2,4})?");

    /** The answer and whether it is a reused session. */
    public record Created(SessionView view, boolean reused) {
    }

    private final WorkflowCatalog workflows;
    private final ReferenceFaceResolver references;
    private final MediaVault vault;
    private final StoredFaces storedFaces;
    private final FaceMatcher matcher;
    private final SessionConfig config;
    private final SessionViews views;
    private final StoredJson json;
    private final UserEnrolment users;

    public SessionCreator(WorkflowCatalog workflows, ReferenceFaceResolver references, MediaVault vault,
                          StoredFaces storedFaces, FaceMatcher matcher, SessionConfig config, SessionViews views,
                          StoredJson json, UserEnrolment users) {
        this.workflows = workflows;
        this.references = references;
        this.vault = vault;
        this.storedFaces = storedFaces;
        this.matcher = matcher;
        this.config = config;
        this.views = views;
        this.json = json;
        this.users = users;
    }

    public Created create(UUID applicationId, CreateSessionRequest request) {
        if (request == null) {
            throw new FieldValidationException("workflow_id", "This field is required.");
        }
        UUID workflowId = validate(request);
        WorkflowCatalog.Published workflow = workflows.find(applicationId, workflowId)
                .orElseThrow(() -> new ApiException(404, "Workflow not found.", "workflow_not_found"));

        Optional<Created> reused = reuse(applicationId, workflow, request);
        if (reused.isPresent()) {
            return reused.get();
        }
        boolean biometric = FeatureSettingsParser.BIOMETRIC_AUTHENTICATION.equals(workflow.workflow().workflowType);
        boolean needsReference = biometric && workflow.node(FeatureSettingsParser.FACE_MATCH).isPresent();
        // Model work happens before the transaction, so a slow portrait never holds a connection.
        ReferenceFace reference = needsReference
                ? references.resolve(applicationId, request.portraitImage(), request.vendorData()) : null;
        return new Created(persist(applicationId, workflow, request, reference), false);
    }

    @Transactional
    Optional<Created> reuse(UUID applicationId, WorkflowCatalog.Published workflow, CreateSessionRequest request) {
        if (request.vendorData() == null || request.vendorData().isBlank()) {
            return Optional.empty();
        }
        Optional<VerificationSession> open = VerificationSession.<VerificationSession>find(
                "applicationId = ?1 and vendorData = ?2 and workflowId = ?3 and workflowVersion = ?4 "
                        + "and deletedAt is null and sessionToken is not null and status in ?5 order by createdAt desc",
                applicationId, request.vendorData(), workflow.workflow().id, workflow.version(), REUSABLE)
                .firstResultOptional();
        return open.map(session -> {
            session.callback = request.callback();
            session.metadata = StoredJson.text(request.metadata());
            session.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return new Created(views.of(session), true);
        });
    }

    @Transactional
    SessionView persist(UUID applicationId, WorkflowCatalog.Published workflow, CreateSessionRequest request,
                        ReferenceFace reference) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        VerificationSession session = new VerificationSession();
        session.id = UUID.randomUUID();
        session.applicationId = applicationId;
        session.sessionToken = SessionTokens.next();
        session.workflowId = workflow.workflow().id;
        session.workflowVersion = workflow.version();
        session.status = Status.NOT_STARTED;
        session.vendorData = request.vendorData();
        session.metadata = StoredJson.text(request.metadata());
        session.callback = request.callback();
        session.callbackMethod = request.callbackMethod() == null ? "initiator" : request.callbackMethod();
        session.language = request.language();
        session.contactDetails = request.contactDetails() == null ? null : request.contactDetails().toString();
        session.expectedDetails = request.expectedDetails() == null ? null : request.expectedDetails().toString();
        session.features = json.write(decisionFeatures(workflow));
        session.createdAt = now;
        session.updatedAt = now;
        session.expiresAt = now.plus(config.expiry());
        session.persist();
        users.enrol(applicationId, session.vendorData);
        if (reference != null) {
            if (reference.portraitBytes() != null) {
                session.referenceMediaId = vault.store(applicationId, session.id, "reference",
                        reference.contentType(), reference.portraitBytes());
            }
            // A copy of the reference is kept with this session either way, but source_image_session_id
            // names where the face came from, so a reviewer can trace a reused face to its session.
            session.sourceImageSessionId = reference.sourceImageSessionId(session.id);
            storedFaces.save(applicationId, session.id, session.vendorData, StoredFace.REFERENCE, false,
                    reference.embedding(), matcher.modelVersion(), session.referenceMediaId);
        }
        VerificationSession.flush();
        VerificationSession.getEntityManager().refresh(session);
        return views.of(session);
    }

    private static List<String> decisionFeatures(WorkflowCatalog.Published workflow) {
        List<String> features = new ArrayList<>();
        workflow.features().forEach(node -> features.add(node.feature()));
        return features;
    }

    private UUID validate(CreateSessionRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID workflowId = null;
        if (request.workflowId() == null || request.workflowId().isBlank()) {
            errors.put("workflow_id", "This field is required.");
        } else {
            try {
                workflowId = UUID.fromString(request.workflowId().trim());
            } catch (IllegalArgumentException e) {
                errors.put("workflow_id", "Must be a valid UUID.");
            }
        }
        if (request.vendorData() != null && request.vendorData().length() > 1024) {
            errors.put("vendor_data", "Ensure this field has no more than 1024 characters.");
        }
        if (request.callback() != null && !isHttpUrl(request.callback())) {
            errors.put("callback", "Enter a valid URL.");
        }
        if (request.callbackMethod() != null && !CALLBACK_METHODS.contains(request.callbackMethod())) {
            errors.put("callback_method", "\"" + request.callbackMethod() + "\" is not a valid choice.");
        }
        if (request.language() != null && !LANGUAGE.matcher(request.language()).matches()) {
            errors.put("language", "\"" + request.language() + "\" is not a valid choice.");
        }
        if (request.metadata() != null && !request.metadata().isObject() && !request.metadata().isTextual()
                && !request.metadata().isNull()) {
            errors.put("metadata", "Must be a JSON object.");
        }
        if (request.contactDetails() != null && !request.contactDetails().isObject() && !request.contactDetails().isNull()) {
            errors.put("contact_details", "Must be an object.");
        }
        if (request.expectedDetails() != null && !request.expectedDetails().isObject() && !request.expectedDetails().isNull()) {
            errors.put("expected_details", "Must be an object.");
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return workflowId;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && value.length() <= 2048;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
