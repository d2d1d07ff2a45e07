package dev.likeness.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.likeness.common.FieldValidationException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /v3/users/delete/}. A deleted user leaves with its activity,
 * its faces (soft-deleted, which takes them out of the face index through the face_template
 * trigger) and the blocklist entry its BLOCKED status made. Its sessions stay; a later session
 * with the same vendor_data makes a new user.
 */
@ApplicationScoped
class UserRemoval {

    private final UserBlocklist blocklist;
    private final UserEvents events;

    UserRemoval(UserBlocklist blocklist, UserEvents events) {
        this.blocklist = blocklist;
        this.events = events;
    }

    @Transactional
    int delete(UUID applicationId, JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new FieldValidationException("non_field_errors", "Expected a JSON object.");
        }
        JsonNode b = body == null || body.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body;
        List<String> vendorData = strings(b.get("vendor_data_list"), "vendor_data_list", errors);
        List<String> ids = strings(b.get("didit_internal_id_list"), "didit_internal_id_list", errors);
        Set<UUID> internalIds = new LinkedHashSet<>();
        for (String id : ids) {
            try {
                internalIds.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent("didit_internal_id_list", "\"" + id + "\" is not a valid UUID.");
            }
        }
        JsonNode all = b.get("delete_all");
        if (all != null && !all.isNull() && !all.isBoolean()) {
            errors.put("delete_all", "Must be a valid boolean.");
        }
        boolean deleteAll = all != null && all.asBoolean(false);
        if (errors.isEmpty() && !deleteAll && !b.has("vendor_data_list") && !b.has("didit_internal_id_list")) {
            errors.put("non_field_errors", "Provide vendor_data_list, didit_internal_id_list or delete_all: true.");
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }

        List<AppUser> users = new ArrayList<>();
        if (deleteAll) {
            users.addAll(AppUser.list("applicationId = ?1 and deletedAt is null", applicationId));
        } else {
            Set<UUID> seen = new LinkedHashSet<>();
            for (String value : vendorData) {
                AppUser.findVisible(applicationId, value, false).filter(u -> seen.add(u.id)).ifPresent(users::add);
            }
            if (!internalIds.isEmpty()) {
                AppUser.<AppUser>list("applicationId = ?1 and id in ?2 and deletedAt is null", applicationId, internalIds)
                        .stream().filter(u -> seen.add(u.id)).forEach(users::add);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (AppUser user : users) {
            remove(user, now);
        }
        return users.size();
    }

    private void remove(AppUser user, OffsetDateTime now) {
        user.deletedAt = now;
        user.updatedAt = now;
        UserComment.update("deletedAt = ?1 where userId = ?2 and deletedAt is null", now, user.id);
        // Faces owned by list entries belong to the list, not to the user; everything else of the user goes.
        Panache.getEntityManager().createNativeQuery("""
                        update face_template set deleted_at = ?1
                        where application_id = ?2 and deleted_at is null and source <> 'list_entry' and %s = ?3"""
                        .formatted(AppUser.KEY_SQL.formatted("vendor_data")))
                .setParameter(1, now).setParameter(2, user.applicationId).setParameter(3, user.vendorDataKey)
                .executeUpdate();
        if (AppUser.BLOCKED.equals(user.status)) {
            blocklist.remove(user.applicationId, user.vendorDataKey);
        }
        events.dataUpdated(user, Map.of("deleted_at", new UserEvents.Change(null, now)));
    }

    private static List<String> strings(JsonNode v, String field, Map<String, String> errors) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            errors.put(field, "Expected a list of items.");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                errors.put(field, "Expected a list of strings.");
                return List.of();
            }
            out.add(item.textValue());
        }
        return out;
    }
}
