package dev.likeness.lists;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A block, allow or custom list of one application. */
@Entity
@Table(name = "entry_list")
public class EntryList extends PanacheEntityBase {

    public static final String BLOCKLIST = "blocklist";
    public static final String ALLOWLIST = "allowlist";
    public static final String CUSTOM = "custom";

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(name = "list_type", nullable = false)
    public String listType;

    @Column(name = "entry_type", nullable = false)
    public String entryType;

    @Column(name = "is_system", nullable = false)
    public boolean system;

    @Column(name = "last_entry_added_at")
    public OffsetDateTime lastEntryAddedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The list if it belongs to this application; another application's list is as good as absent. */
    public static Optional<EntryList> findOwned(UUID applicationId, UUID id) {
        return find("id = ?1 and applicationId = ?2", id, applicationId).firstResultOptional();
    }

    public boolean holdsFaces() {
        return EntryType.FACE.wire().equals(entryType);
    }
}
