package dev.likeness.workflow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One published version of a workflow: the ordered feature nodes with their full settings. */
@Entity
@Table(name = "workflow_version")
@IdClass(WorkflowVersion.Key.class)
public class WorkflowVersion extends PanacheEntityBase {

    public record Key(UUID workflowId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "workflow_id")
    public UUID workflowId;

    @Id
    public int version;

    /** JSON array of {@link FeatureNode}s, written and read by {@link WorkflowCatalog}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String features;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
