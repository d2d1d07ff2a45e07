package dev.likeness.workflow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A tenant's verification recipe; its settings live in immutable {@link WorkflowVersion}s. */
@Entity
@Table(name = "workflow")
public class Workflow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String label;

    @Column(name = "workflow_type", nullable = false)
    public String workflowType;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Another application's workflow is treated exactly like a missing one. */
    public static Optional<Workflow> findOwned(UUID applicationId, UUID id) {
        return find("id = ?1 and applicationId = ?2", id, applicationId).firstResultOptional();
    }
}
