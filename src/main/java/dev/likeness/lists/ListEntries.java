package dev.likeness.lists;

import com.fasterxml.jackson.databind.JsonNode;
import dev.likeness.common.ApiException;
import dev.likeness.common.FieldValidationException;
import dev.likeness.common.Page;
import dev.likeness.common.StoredJson;
import dev.likeness.faceindex.FaceImageUpload;
import dev.likeness.session.VerificationSession;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Entries of a list: listing, adding by value, session or uploaded face, removing. */
@ApplicationScoped
class ListEntries {

    /** {@code POST /v3/lists/{list_uuid}/entries/} body, as sent. */
    record NewEntry(String value, String referenceSessionId, String referenceObjectUuid, String displayLabel,
                    String comment, JsonNode metadata) {
    }

    /** The free-text fields every new entry may carry, checked. */
    record Labels(String displayLabel, String comment, String metadata) {
    }

    record Result(List<EntryView> rows, long count) {
    }

    static final String WRONG_LIST_TYPE = "list_type_mismatch";
    static final int MAX_LABEL = 255;
    static final int MAX_VALUE = 2048;

    private final ListFaces faces;
    private final EntryViews views;

    ListEntries(ListFaces faces, EntryViews views) {
        this.faces = faces;
        this.views = views;
    }

    Result list(UUID applicationId, UUID listId, String search, Page.Window window) {
        EntryList list = ListCatalog.owned(applicationId, listId);
        String where = "listId = :list";
        Parameters params = Parameters.with("list", list.id);
        if (search != null && !search.isBlank()) {
            where += " and (lower(value) like :search or lower(displayLabel) like :search)";
            params.and("search", "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long count = ListEntry.count(where, params);
        List<ListEntry> page = ListEntry.<ListEntry>find(where + " order by createdAt desc, id", params)
                .range(window.offset(), window.last()).list();
        return new Result(views.of(page), count);
    }

    @Transactional
    EntryView add(UUID applicationId, UUID listId, NewEntry body) {
        EntryList list = ListCatalog.owned(applicationId, listId);
        NewEntry request = body == null ? new NewEntry(null, null, null, null, null, null) : body;
        Map<String, String> errors = new LinkedHashMap<>();
        Labels labels = labels(request.displayLabel(), request.comment(), request.metadata(), errors);
        UUID sessionId = uuid("reference_session_id", request.referenceSessionId(), errors);
        UUID objectId = uuid("reference_object_uuid", request.referenceObjectUuid(), errors);
        EntryType type = EntryType.of(list.entryType).orElseThrow();
        String value = null;
        if (request.value() == null && request.referenceSessionId() == null) {
            errors.put("value", "This field is required unless reference_session_id is given.");
        } else if (request.value() != null && type != EntryType.FACE) {
            value = value(type, request.value(), errors);
        } else if (request.value() != null && request.referenceSessionId() == null) {
            errors.put("value", "A face list takes a reference_session_id, or an image through face-upload, "
                    + "not a bare value.");
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        VerificationSession session = null;
        if (sessionId != null) {
            session = VerificationSession.findVisible(applicationId, sessionId).orElseThrow(() ->
                    new FieldValidationException("reference_session_id", "Session not found."));
        }
        UUID faceId = null;
        if (type == EntryType.FACE) {
            if (ListEntry.count("listId = ?1 and referenceSessionId = ?2 and faceId is not null", list.id, session.id) > 0) {
                throw new FieldValidationException("reference_session_id", "This session's face is already on the list.");
            }
            faceId = faces.copyFromSession(session, request.value());
            value = faceId.toString();
            objectId = faceId;
        } else if (value == null) {
            value = fromSession(type, session);
        }
        return views.of(persist(list, value, labels, session, objectId, faceId));
    }

    /** The list a face upload goes to, checked before any image work is spent on it. */
    EntryList faceUploadTarget(UUID applicationId, UUID listId) {
        EntryList list = ListCatalog.owned(applicationId, listId);
        if (!list.holdsFaces() || EntryList.CUSTOM.equals(list.listType)) {
            throw new ApiException(400, "Faces can be uploaded only to face blocklists and face allowlists.",
                    WRONG_LIST_TYPE);
        }
        return list;
    }

    @Transactional
    EntryView addUploadedFace(UUID applicationId, UUID listId, Labels labels, FaceImageUpload.UploadedFace upload) {
        EntryList list = faceUploadTarget(applicationId, listId);
        UUID faceId = faces.store(applicationId, upload);
        return views.of(persist(list, faceId.toString(), labels, null, faceId, faceId));
    }

    @Transactional
    void delete(UUID applicationId, UUID listId, UUID entryId) {
        EntryList list = ListCatalog.owned(applicationId, listId);
        ListEntry entry = ListEntry.<ListEntry>find("id = ?1 and listId = ?2", entryId, list.id).firstResultOptional()
                .orElseThrow(ApiException::notFound);
        entry.delete();
        ListEntry.flush();
        if (entry.faceId != null) {
            faces.delete(List.of(entry.faceId));
        }
        list.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Removes the face entries of one list that were made from a session; how many went. */
    @Transactional(Transactional.TxType.MANDATORY)
    int deleteMadeFromSession(UUID listId, UUID sessionId) {
        List<ListEntry> made = ListEntry.list("listId = ?1 and referenceSessionId = ?2", listId, sessionId);
        made.forEach(ListEntry::delete);
        ListEntry.flush();
        faces.delete(made.stream().map(e -> e.faceId).filter(java.util.Objects::nonNull).toList());
        return made.size();
    }

    static Labels labels(String displayLabel, String comment, JsonNode metadata, Map<String, String> errors) {
        if (displayLabel != null && displayLabel.length() > MAX_LABEL) {
            errors.put("display_label", "Ensure this field has no more than " + MAX_LABEL + " characters.");
        }
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            errors.put("metadata", "Must be a JSON object.");
        }
        return new Labels(displayLabel == null ? "" : displayLabel, comment == null ? "" : comment,
                StoredJson.text(metadata));
    }

    private ListEntry persist(EntryList list, String value, Labels labels, VerificationSession session, UUID objectId,
                              UUID faceId) {
        if (faceId == null && ListEntry.count("listId = ?1 and value = ?2", list.id, value) > 0) {
            throw new FieldValidationException("value", "This value is already on the list.");
        }
        ListEntry entry = ListEntry.on(list, value, ListEntry.ADDED_BY_API, OffsetDateTime.now(ZoneOffset.UTC));
        entry.displayLabel = labels.displayLabel();
        entry.comment = labels.comment();
        entry.referenceSessionId = session == null ? null : session.id;
        entry.referenceSessionNumber = session == null ? null : session.sessionNumber;
        entry.referenceObjectUuid = objectId;
        entry.faceId = faceId;
        entry.metadata = labels.metadata();
        entry.persist();
        try {
            ListEntry.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.causedBy(e)) {
                throw new FieldValidationException("value", "This value is already on the list.");
            }
            throw e;
        }
        return entry;
    }

    /**
     * What a session holds for a list's type. Likeness captures no documents' data, phones, emails
     * or devices, so only the session's {@code vendor_data} can be taken; other types need a value.
     */
    private static String fromSession(EntryType type, VerificationSession session) {
        if ((type == EntryType.USER || type == EntryType.BUSINESS) && session.vendorData != null
                && !session.vendorData.isBlank()) {
            return session.vendorData.strip().toLowerCase(Locale.ROOT);
        }
        throw new FieldValidationException("reference_session_id", "This session has no " + type.wire().replace('_', ' ')
                + " data; send the value with it.");
    }

    private static String value(EntryType type, String raw, Map<String, String> errors) {
        if (raw.length() > MAX_VALUE) {
            errors.put("value", "Ensure this field has no more than " + MAX_VALUE + " characters.");
            return null;
        }
        try {
            return type.normalise(raw);
        } catch (EntryType.InvalidValue e) {
            errors.put("value", e.getMessage());
            return null;
        }
    }

    private static UUID uuid(String field, String raw, Map<String, String> errors) {
        if (raw == null) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, "Must be a valid UUID.");
            return null;
        }
    }
}
