package dev.likeness.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One entry of a user's activity: a status change with the reason given for it. */
@Entity
@Table(name = "user_comment")
public class UserComment extends PanacheEntityBase {

    public static final String STATUS_CHANGE = "status_change";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "comment_type", nullable = false)
    public String commentType;

    @Column(nullable = false)
    public String comment;

    @Column(name = "actor_name", nullable = false)
    public String actorName;

    @Column(name = "previous_status")
    public String previousStatus;

    @Column(name = "new_status")
    public String newStatus;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    static List<UserComment> ofUser(UUID userId) {
        return list("userId = ?1 and deletedAt is null order by createdAt desc, id", userId);
    }
}
