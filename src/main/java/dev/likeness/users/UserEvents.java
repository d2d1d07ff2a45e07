package dev.likeness.users;

import dev.likeness.common.StoredJson;
import dev.likeness.webhook.WebhookEventTypes;
import dev.likeness.webhook.WebhookOutbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user webhooks, flat like Didit's newest payloads: {@code user.status.updated}
 * with {@code status} and {@code previous_status} (no reason), {@code user.data.updated} with
 * {@code changed_fields} and {@code changes: {field: {previous, current}}}. Queued in the caller's
 * transaction, so an event exists exactly when its change committed.
 */
@ApplicationScoped
class UserEvents {

    /** One field's change, in wire shape. */
    record Change(Object previous, Object current) {
    }

    private final WebhookOutbox outbox;
    private final StoredJson json;

    UserEvents(WebhookOutbox outbox, StoredJson json) {
        this.outbox = outbox;
        this.json = json;
    }

    void statusUpdated(AppUser user, String previous) {
        Map<String, Object> body = head(user);
        body.put("status", user.status);
        body.put("previous_status", previous);
        outbox.recordUserEvent(user.applicationId, user.id, WebhookEventTypes.USER_STATUS_UPDATED, user.status, json.write(body));
    }

    void dataUpdated(AppUser user, Map<String, Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Object> body = head(user);
        body.put("status", user.status);
        body.put("changed_fields", new ArrayList<>(changes.keySet()));
        Map<String, Object> wire = new LinkedHashMap<>();
        changes.forEach((field, change) -> {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("previous", change.previous());
            pair.put("current", change.current());
            wire.put(field, pair);
        });
        body.put("changes", wire);
        outbox.recordUserEvent(user.applicationId, user.id, WebhookEventTypes.USER_DATA_UPDATED, user.status, json.write(body));
    }

    private static Map<String, Object> head(AppUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vendor_data", user.vendorData);
        body.put("didit_internal_id", user.id.toString());
        return body;
    }
}
