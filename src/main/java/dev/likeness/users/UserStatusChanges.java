package dev.likeness.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The one place a user's status changes: an activity entry with the reason,
 * the system user blocklist kept in step, and {@code user.status.updated}. Setting the status a user
 * already has changes nothing and sends nothing.
 */
@ApplicationScoped
class UserStatusChanges {

    static final String ACTOR = "API";

    private final UserBlocklist blocklist;
    private final UserEvents events;

    UserStatusChanges(UserBlocklist blocklist, UserEvents events) {
        this.blocklist = blocklist;
        this.events = events;
    }

    /** Call with the user row locked. Returns whether the status changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean change(AppUser user, String to, String reason) {
        String from = user.status;
        if (from.equals(to)) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UserComment comment = new UserComment();
        comment.id = UUID.randomUUID();
        comment.userId = user.id;
        comment.applicationId = user.applicationId;
        comment.commentType = UserComment.STATUS_CHANGE;
        comment.comment = reason == null ? "" : reason;
        comment.actorName = ACTOR;
        comment.previousStatus = from;
        comment.newStatus = to;
        comment.createdAt = now;
        comment.persist();
        user.status = to;
        user.updatedAt = now;
        if (AppUser.BLOCKED.equals(to)) {
            blocklist.add(user.applicationId, user.vendorDataKey);
        } else if (AppUser.BLOCKED.equals(from)) {
            blocklist.remove(user.applicationId, user.vendorDataKey);
        }
        events.statusUpdated(user, from);
        return true;
    }
}
