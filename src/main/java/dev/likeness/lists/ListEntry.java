package dev.likeness.lists;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One value on a list. A face entry owns its own {@code face_template} row ({@link #faceId}, source
 * {@code list_entry}): the entry's value is that face's id, and the face goes with the entry.
 */
@Entity
@Table(name = "list_entry")
public class ListEntry extends PanacheEntityBase {

    public static final String ADDED_BY_API = "api";

    @Id
    public UUID id;

    @Column(name = "list_id", nullable = false)
    public UUID listId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String value;

    @Column(name = "display_label", nullable = false)
    public String displayLabel;

    @Column(nullable = false)
    public String comment;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "reference_session_id")
    public UUID referenceSessionId;

    @Column(name = "reference_session_number")
    public Long referenceSessionNumber;

    @Column(name = "reference_object_uuid")
    public UUID referenceObjectUuid;

    @Column(name = "face_id")
    public UUID faceId;

    /** What the caller sent as {@code metadata}; a face's image link is added when the entry is shown. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String metadata;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** A new entry on {@code list}, which it marks as just added to; the caller persists it. */
    static ListEntry on(EntryList list, String value, String addedBy, OffsetDateTime now) {
        ListEntry entry = new ListEntry();
        entry.id = UUID.randomUUID();
        entry.listId = list.id;
        entry.applicationId = list.applicationId;
        entry.value = value;
        entry.displayLabel = "";
        entry.comment = "";
        entry.addedBy = addedBy;
        entry.createdAt = now;
        list.lastEntryAddedAt = now;
        list.updatedAt = now;
        return entry;
    }
}
