package dev.likeness.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.likeness.common.StoredJson;
import dev.likeness.media.SignedUrlIssuer;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Renders users. Counters, first/last session and features are read from the user's sessions (same
 * application, same normalised vendor_data, not deleted) every time, so they are never stale; a page
 * of users costs three queries, not a few per row.
 */
@ApplicationScoped
class UserViews {

    private static final String SESSION_KEY = AppUser.KEY_SQL.formatted("s.vendor_data");

    private record Stats(long sessions, long approved, long declined, long inReview, OffsetDateTime first,
                         OffsetDateTime last, OffsetDateTime lastUpdate) {
        static final Stats NONE = new Stats(0, 0, 0, 0, null, null, null);
    }

    private final SignedUrlIssuer links;
    private final StoredJson json;

    UserViews(SignedUrlIssuer links, StoredJson json) {
        this.links = links;
        this.json = json;
    }

    UserView detail(AppUser user) {
        List<UserView.CommentView> comments = UserComment.ofUser(user.id).stream().map(UserView.CommentView::of).toList();
        JsonNode metadata = user.metadata == null ? NullNode.getInstance() : json.tree(user.metadata);
        return views(user.applicationId, List.of(user), true, metadata, comments).get(0);
    }

    List<UserView> rows(UUID applicationId, List<AppUser> users) {
        return views(applicationId, users, false, null, null);
    }

    private List<UserView> views(UUID applicationId, List<AppUser> users, boolean detail, JsonNode metadata,
                                 List<UserView.CommentView> comments) {
        if (users.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = users.stream().map(u -> u.id).toList();
        List<String> keys = users.stream().map(u -> u.vendorDataKey).distinct().toList();
        Map<UUID, Stats> stats = stats(ids);
        Map<String, Map<String, String>> features = features(applicationId, keys);
        Map<String, UUID> portraits = portraits(applicationId, keys);
        List<UserView> out = new ArrayList<>(users.size());
        for (AppUser u : users) {
            Stats s = stats.getOrDefault(u.id, Stats.NONE);
            Map<String, String> f = features.getOrDefault(u.vendorDataKey, Map.of());
            List<UserView.FeatureStatus> featureList = f.entrySet().stream()
                    .map(e -> new UserView.FeatureStatus(e.getKey(), e.getValue())).toList();
            OffsetDateTime lastActivity = latest(latest(s.lastUpdate(), s.last()), u.updatedAt);
            String effectiveName = u.displayName != null && !u.displayName.isBlank() ? u.displayName : u.fullName;
            UUID portrait = portraits.get(u.vendorDataKey);
            out.add(new UserView(u.id, u.vendorData, u.displayName, u.fullName, u.dateOfBirth, effectiveName, u.status,
                    portrait == null ? null : links.link(portrait), s.sessions(), s.approved(), s.declined(),
                    s.inReview(), json.strings(u.issuingStates), json.strings(u.approvedEmails), json.strings(u.approvedPhones), f,
                    featureList, s.last(), lastActivity, s.first(), List.of(), u.createdAt,
                    detail ? metadata : null, detail ? comments : null, detail ? u.updatedAt : null));
        }
        return out;
    }

    private Map<UUID, Stats> stats(Collection<UUID> userIds) {
        List<?> rows = Panache.getEntityManager().createNativeQuery("""
                        select u.id, count(s.id),
                               count(s.id) filter (where s.status = 'Approved'),
                               count(s.id) filter (where s.status = 'Declined'),
                               count(s.id) filter (where s.status = 'In Review'),
                               min(s.created_at), max(s.created_at), max(s.updated_at)
                        from app_user u
                        left join verification_session s on s.application_id = u.application_id
                             and s.deleted_at is null and %s = u.vendor_data_key
                        where u.id in (:ids)
                        group by u.id""".formatted(SESSION_KEY))
                .setParameter("ids", userIds).getResultList();
        Map<UUID, Stats> out = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            out.put((UUID) r[0], new Stats(number(r[1]), number(r[2]), number(r[3]), number(r[4]), time(r[5]),
                    time(r[6]), time(r[7])));
        }
        return out;
    }

    /** Per feature, the result of the user's newest finished check of that kind. */
    private Map<String, Map<String, String>> features(UUID applicationId, List<String> keys) {
        List<?> rows = Panache.getEntityManager().createNativeQuery("""
                        with s as (select s.id, %1$s k from verification_session s
                                   where s.application_id = :app and s.deleted_at is null and %1$s in (:keys))
                        select distinct on (k, feature) k, feature, status from (
                            select s.k, 'ID_VERIFICATION' feature, c.status, c.updated_at
                                from document_check c join s on s.id = c.session_id
                            union all
                            select s.k, 'LIVENESS', c.status, c.updated_at from liveness_check c join s on s.id = c.session_id
                            union all
                            select s.k, 'FACE_MATCH', c.status, c.updated_at from face_match_check c join s on s.id = c.session_id
                        ) x
                        where status <> 'Not Finished'
                        order by k, feature desc, updated_at desc""".formatted(SESSION_KEY))
                .setParameter("app", applicationId).setParameter("keys", keys).getResultList();
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            out.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((String) r[1], (String) r[2]);
        }
        return out;
    }

    /** The newest liveness capture of an approved session, the face a reviewer would recognise. */
    private Map<String, UUID> portraits(UUID applicationId, List<String> keys) {
        String faceKey = AppUser.KEY_SQL.formatted("f.vendor_data");
        List<?> rows = Panache.getEntityManager().createNativeQuery("""
                        select distinct on (k) k, media_id from (
                            select %1$s k, f.media_id, f.created_at from face_template f
                            where f.application_id = :app and f.deleted_at is null and f.source = 'liveness'
                              and f.approved and f.media_id is not null and %1$s in (:keys)) x
                        order by k, created_at desc""".formatted(faceKey))
                .setParameter("app", applicationId).setParameter("keys", keys).getResultList();
        Map<String, UUID> out = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            out.put((String) r[0], (UUID) r[1]);
        }
        return out;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
