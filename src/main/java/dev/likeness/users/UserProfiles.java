package dev.likeness.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.likeness.common.ApiException;
import dev.likeness.common.FieldValidationException;
import dev.likeness.common.StoredJson;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Create, read and edit one user. */
@ApplicationScoped
class UserProfiles {

    private final UserStatusChanges statusChanges;
    private final UserBlocklist blocklist;
    private final UserEvents events;
    private final UserViews views;
    private final StoredJson storedJson;

    UserProfiles(UserStatusChanges statusChanges, UserBlocklist blocklist, UserEvents events, UserViews views,
                 StoredJson storedJson) {
        this.statusChanges = statusChanges;
        this.blocklist = blocklist;
        this.events = events;
        this.views = views;
        this.storedJson = storedJson;
    }

    /**
     * The insert decides a duplicate (the unique index on the normalised vendor_data), so two
     * creates racing for one vendor_data end with one user and one 400.
     */
    @Transactional
    UserView create(UUID applicationId, JsonNode body) {
        UserInput input = UserInput.forCreate(body);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        int inserted = UserEnrolment.insert(applicationId, id, input.vendorData(), input.status(), now);
        if (inserted == 0) {
            throw new FieldValidationException("vendor_data", "A user with this vendor_data already exists.");
        }
        AppUser user = AppUser.findById(id);
        Map<String, UserEvents.Change> changes = new LinkedHashMap<>();
        changes.put("vendor_data", new UserEvents.Change(null, user.vendorData));
        apply(user, input.fields(), changes);
        if (AppUser.BLOCKED.equals(user.status)) {
            blocklist.add(applicationId, user.vendorDataKey);
        }
        events.dataUpdated(user, changes);
        return views.detail(user);
    }

    @Transactional
    UserView find(UUID applicationId, String vendorData) {
        return views.detail(AppUser.findVisible(applicationId, vendorData, false).orElseThrow(ApiException::notFound));
    }

    /** PATCH: the fields present replace the stored ones; a status in it acts exactly like update-status. */
    @Transactional
    UserView update(UUID applicationId, String vendorData, JsonNode body) {
        UserInput input = UserInput.forUpdate(body);
        AppUser user = AppUser.findVisible(applicationId, vendorData, true).orElseThrow(ApiException::notFound);
        if (input.vendorData() != null && !input.vendorData().equals(user.vendorData)) {
            throw new FieldValidationException("vendor_data", "vendor_data cannot be changed.");
        }
        Map<String, UserEvents.Change> changes = new LinkedHashMap<>();
        apply(user, input.fields(), changes);
        if (!changes.isEmpty()) {
            user.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        if (input.status() != null) {
            statusChanges.change(user, input.status(), input.reason());
        }
        events.dataUpdated(user, changes);
        Panache.getEntityManager().flush();
        return views.detail(user);
    }

    @Transactional
    UserView updateStatus(UUID applicationId, String vendorData, JsonNode body) {
        UserInput input = UserInput.forStatus(body);
        AppUser user = AppUser.findVisible(applicationId, vendorData, true).orElseThrow(ApiException::notFound);
        statusChanges.change(user, input.status(), input.reason());
        Panache.getEntityManager().flush();
        return views.detail(user);
    }

    private void apply(AppUser user, Map<String, Object> fields, Map<String, UserEvents.Change> changes) {
        fields.forEach((field, value) -> {
            Object previous = current(user, field);
            Object next = value instanceof LocalDate d ? d.toString() : value;
            if (Objects.equals(previous, next)) {
                return;
            }
            changes.put(field, new UserEvents.Change(previous, next));
            switch (field) {
                case "display_name" -> user.displayName = (String) value;
                case "full_name" -> user.fullName = (String) value;
                case "date_of_birth" -> user.dateOfBirth = (LocalDate) value;
                case "metadata" -> user.metadata = value == null ? null : value.toString();
                case "issuing_states" -> user.issuingStates = json(value);
                case "approved_emails" -> user.approvedEmails = json(value);
                case "approved_phones" -> user.approvedPhones = json(value);
                default -> throw new IllegalArgumentException(field);
            }
        });
    }

    /** A field's stored value in the shape it has in a request, so equal values compare equal. */
    private Object current(AppUser user, String field) {
        return switch (field) {
            case "display_name" -> user.displayName;
            case "full_name" -> user.fullName;
            case "date_of_birth" -> user.dateOfBirth == null ? null : user.dateOfBirth.toString();
            case "metadata" -> storedJson.tree(user.metadata);
            case "issuing_states" -> storedJson.strings(user.issuingStates);
            case "approved_emails" -> storedJson.strings(user.approvedEmails);
            case "approved_phones" -> storedJson.strings(user.approvedPhones);
            default -> throw new IllegalArgumentException(field);
        };
    }

    private String json(Object value) {
        return storedJson.write(value == null ? List.of() : value);
    }
}
