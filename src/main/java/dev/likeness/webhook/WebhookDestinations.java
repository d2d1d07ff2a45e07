package dev.likeness.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.likeness.common.ApiException;
import dev.likeness.common.FieldValidationException;
import dev.likeness.common.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Creates, changes and removes an application's webhook destinations, the legacy one included. */
@ApplicationScoped
public class WebhookDestinations {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_LABEL_LENGTH = 255;

    private final WebhookTargetPolicy targets;
    private final StoredJson storedJson;

    public WebhookDestinations(WebhookTargetPolicy targets, StoredJson storedJson) {
        this.targets = targets;
        this.storedJson = storedJson;
    }

    /** The app-level configuration; its secret exists from the first read so it can be installed before a URL is. */
    @Transactional
    public WebhookDestination legacy(UUID applicationId) {
        return WebhookDestination.findLegacy(applicationId).orElseGet(() -> {
            OffsetDateTime now = now();
            // Two first reads racing must end with one row and one secret.
            WebhookDestination.getEntityManager().createNativeQuery("""
                            insert into webhook_destination (id, application_id, legacy, url, secret_shared_key,
                                subscribed_events, webhook_version, enabled, created_at, updated_at)
                            values (?1, ?2, true, null, ?3, cast(?4 as jsonb), ?5, true, ?6, ?6)
                            on conflict do nothing""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, applicationId)
                    .setParameter(3, newSecret()).setParameter(4, json(WebhookEventTypes.SESSION))
                    .setParameter(5, WebhookEventTypes.DEFAULT_VERSION).setParameter(6, now)
                    .executeUpdate();
            return WebhookDestination.findLegacy(applicationId).orElseThrow();
        });
    }

    /** {@code PATCH /v3/webhook/}: {@code webhook_url} (null or "" clears it), {@code webhook_version}, {@code rotate_secret_key}. */
    @Transactional
    public WebhookDestination updateLegacy(UUID applicationId, JsonNode body) {
        Fields fields = new Fields(body);
        WebhookDestination legacy = legacy(applicationId);
        if (fields.has("webhook_url")) {
            String url = fields.nullableText("webhook_url");
            legacy.url = url == null || url.isBlank() ? null : fields.check(() -> targets.validate("webhook_url", url));
        }
        if (fields.has("webhook_version")) {
            legacy.webhookVersion = fields.version("webhook_version");
        }
        boolean rotate = fields.bool("rotate_secret_key", false);
        fields.throwIfInvalid();
        if (rotate) {
            legacy.secretSharedKey = newSecret();
        }
        legacy.updatedAt = now();
        return legacy;
    }

    @Transactional
    public WebhookDestination create(UUID applicationId, JsonNode body) {
        Fields fields = new Fields(body);
        WebhookDestination d = new WebhookDestination();
        String url = fields.nullableText("url");
        if (url == null) {
            fields.error("url", "This field is required.");
        } else {
            d.url = fields.check(() -> targets.validate("url", url));
        }
        List<String> events = fields.has("subscribed_events") ? fields.events("subscribed_events") : null;
        if (events == null && !fields.has("subscribed_events")) {
            fields.error("subscribed_events", "This field is required.");
        }
        d.webhookVersion = fields.has("webhook_version") ? fields.version("webhook_version") : WebhookEventTypes.DEFAULT_VERSION;
        d.label = fields.label(d.label);
        d.enabled = fields.bool("enabled", true);
        fields.throwIfInvalid();
        OffsetDateTime now = now();
        d.id = UUID.randomUUID();
        d.applicationId = applicationId;
        d.legacy = false;
        d.subscribedEvents = json(events);
        d.secretSharedKey = newSecret();
        d.createdAt = now;
        d.updatedAt = now;
        d.persist();
        return d;
    }

    @Transactional
    public WebhookDestination update(UUID applicationId, UUID id, JsonNode body) {
        WebhookDestination d = find(applicationId, id);
        Fields fields = new Fields(body);
        if (fields.has("url")) {
            String url = fields.nullableText("url");
            if (url == null && !d.legacy) {
                fields.error("url", "This field may not be null.");
            } else {
                d.url = url == null ? null : fields.check(() -> targets.validate("url", url));
            }
        }
        if (fields.has("subscribed_events")) {
            List<String> events = fields.events("subscribed_events");
            if (events != null) {
                d.subscribedEvents = json(events);
            }
        }
        if (fields.has("webhook_version")) {
            d.webhookVersion = fields.version("webhook_version");
        }
        d.label = fields.label(d.label);
        d.enabled = fields.bool("enabled", d.enabled);
        boolean rotate = fields.bool("rotate_secret_key", false);
        fields.throwIfInvalid();
        if (rotate) {
            d.secretSharedKey = newSecret();
        }
        d.updatedAt = now();
        return d;
    }

    /** Deleting the legacy destination clears the app-level URL and keeps its secret; others go with their log. */
    @Transactional
    public void delete(UUID applicationId, UUID id) {
        WebhookDestination d = find(applicationId, id);
        if (d.legacy) {
            d.url = null;
            d.updatedAt = now();
        } else {
            d.delete();
        }
    }

    public WebhookDestination find(UUID applicationId, UUID id) {
        WebhookDestination d = WebhookDestination.findOwned(applicationId, id).orElseThrow(ApiException::notFound);
        if (d.legacy && d.url == null) {
            throw ApiException.notFound();
        }
        return d;
    }

    public List<String> subscribedEvents(WebhookDestination d) {
        return storedJson.strings(d.subscribedEvents);
    }

    private String json(List<String> values) {
        return storedJson.write(values == null ? List.of() : values);
    }

    /** 32 random bytes, URL-safe Base64: 43 characters, like Didit's keys. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Reads a PATCH-style body where an absent field and an explicit null differ, collecting every field error. */
    private static final class Fields {

        private final JsonNode body;
        private final Map<String, String> errors = new LinkedHashMap<>();

        Fields(JsonNode body) {
            if (body != null && !body.isNull() && !body.isObject()) {
                throw new FieldValidationException("non_field_errors", "Invalid data. Expected a dictionary.");
            }
            this.body = body == null || body.isNull() ? NullNode.getInstance() : body;
        }

        boolean has(String name) {
            return body.isObject() && body.has(name);
        }

        String nullableText(String name) {
            JsonNode v = body.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                error(name, "Not a valid string.");
                return null;
            }
            return v.textValue();
        }

        boolean bool(String name, boolean fallback) {
            JsonNode v = body.get(name);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isBoolean()) {
                error(name, "Must be a valid boolean.");
                return fallback;
            }
            return v.booleanValue();
        }

        /** {@code label}: absent keeps {@code current}, null or blank clears it. */
        String label(String current) {
            if (!has("label")) {
                return current;
            }
            String label = nullableText("label");
            if (label != null && label.indexOf('\u0000') >= 0) {
                error("label", "Null characters are not allowed.");
                return current;
            }
            if (label != null && label.length() > MAX_LABEL_LENGTH) {
                error("label", "Ensure this field has no more than " + MAX_LABEL_LENGTH + " characters.");
                return current;
            }
            return label == null ? "" : label.strip();
        }

        String version(String name) {
            String v = nullableText(name);
            if (v == null || !WebhookEventTypes.VERSIONS.contains(v)) {
                error(name, "\"" + (v == null ? "" : v) + "\" is not a valid choice. Choose one of v1, v2, v3.");
                return WebhookEventTypes.DEFAULT_VERSION;
            }
            return v;
        }

        List<String> events(String name) {
            JsonNode v = body.get(name);
            if (v == null || !v.isArray()) {
                error(name, "Expected a list of event types.");
                return null;
            }
            LinkedHashSet<String> events = new LinkedHashSet<>();
            for (JsonNode item : v) {
                if (!item.isTextual() || !WebhookEventTypes.ALL.contains(item.textValue())) {
                    error(name, "\"" + (item.isTextual() ? item.textValue() : item.toString())
                            + "\" is not a valid event type. Choose from " + String.join(", ", WebhookEventTypes.ALL) + ".");
                    return null;
                }
                events.add(item.textValue());
            }
            if (events.isEmpty()) {
                error(name, "Subscribe to at least one event type.");
                return null;
            }
            return new ArrayList<>(events);
        }

        String check(Supplier<String> validation) {
            try {
                return validation.get();
            } catch (FieldValidationException e) {
                errors.putAll(e.errors());
                return null;
            }
        }

        void error(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        void throwIfInvalid() {
            if (!errors.isEmpty()) {
                throw new FieldValidationException(errors);
            }
        }
    }
}
