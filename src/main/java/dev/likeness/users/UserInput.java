package dev.likeness.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.likeness.common.FieldValidationException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A create or PATCH body, checked field by field. Only the fields the
 * body carries are in {@link #fields()}, already in their stored shape; a null value clears a field.
 * Every problem is collected first, so a bad body stores nothing and names every bad field.
 */
record UserInput(String vendorData, Map<String, Object> fields, String status, String reason) {

    static final Set<String> STATUSES = Set.of(AppUser.ACTIVE, AppUser.FLAGGED, AppUser.BLOCKED);
    static final int MAX_VENDOR_DATA_BYTES = 2000;
    static final int MAX_NAME = 512;
    static final int MAX_REASON = 1000;

    /** Profile fields in the order they are reported in {@code changed_fields}. */
    static final List<String> PROFILE_FIELDS = List.of("display_name", "full_name", "date_of_birth", "metadata",
            "issuing_states", "approved_emails", "approved_phones");

    static UserInput forCreate(JsonNode body) {
        return parse(body, true);
    }

    static UserInput forUpdate(JsonNode body) {
        return parse(body, false);
    }

    /** {@code update-status}: status required, optional reason. */
    static UserInput forStatus(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode b = body == null || body.isNull() ? null : body;
        if (b != null && !b.isObject()) {
            throw new FieldValidationException("non_field_errors", "Expected a JSON object.");
        }
        String status = b == null || !b.has("status") ? null : status(b.get("status"), errors);
        if (status == null && !errors.containsKey("status")) {
            errors.put("status", "This field is required.");
        }
        String reason = b == null ? null : reason(b.get("reason"), errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new UserInput(null, Map.of(), status, reason);
    }

    private static UserInput parse(JsonNode body, boolean create) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new FieldValidationException("non_field_errors", "Expected a JSON object.");
        }
        JsonNode b = body == null || body.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body;
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        String vendorData = null;
        if (create || b.has("vendor_data")) {
            vendorData = vendorData(b.get("vendor_data"), errors);
        }
        if (b.has("display_name")) {
            fields.put("display_name", text(b.get("display_name"), "display_name", MAX_NAME, errors));
        }
        if (b.has("full_name")) {
            fields.put("full_name", text(b.get("full_name"), "full_name", MAX_NAME, errors));
        }
        if (b.has("date_of_birth")) {
            fields.put("date_of_birth", date(b.get("date_of_birth"), errors));
        }
        if (b.has("metadata")) {
            JsonNode m = b.get("metadata");
            if (!m.isNull() && !m.isObject()) {
                errors.put("metadata", "Must be a JSON object.");
            }
            fields.put("metadata", m.isNull() ? null : m);
        }
        for (String name : List.of("issuing_states", "approved_emails", "approved_phones")) {
            if (b.has(name)) {
                fields.put(name, values(b.get(name), name, errors));
            }
        }
        String status = b.has("status") && !b.get("status").isNull() ? status(b.get("status"), errors) : null;
        if (create && status == null) {
            status = AppUser.ACTIVE;
        }
        String reason = create ? null : reason(b.get("reason"), errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new UserInput(vendorData, fields, status, reason);
    }

    private static String vendorData(JsonNode v, Map<String, String> errors) {
        if (v == null || v.isNull()) {
            errors.put("vendor_data", "This field is required.");
            return null;
        }
        if (!v.isTextual()) {
            errors.put("vendor_data", "Not a valid string.");
            return null;
        }
        String value = v.textValue();
        if (value.strip().isEmpty()) {
            errors.put("vendor_data", "This field may not be blank.");
        } else if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VENDOR_DATA_BYTES) {
            errors.put("vendor_data", "Ensure this field has no more than " + MAX_VENDOR_DATA_BYTES + " bytes (UTF-8).");
        }
        return value;
    }

    private static String text(JsonNode v, String field, int max, Map<String, String> errors) {
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.put(field, "Not a valid string.");
            return null;
        }
        if (v.textValue().length() > max) {
            errors.put(field, "Ensure this field has no more than " + max + " characters.");
        }
        return v.textValue();
    }

    private static LocalDate date(JsonNode v, Map<String, String> errors) {
        if (v.isNull()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(v.asText());
            if (v.isTextual() && day.getYear() >= 1 && day.getYear() <= 9999) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.put("date_of_birth", "Date has wrong format. Use YYYY-MM-DD.");
        return null;
    }

    /** Arrays of strings as sent; the older object shapes ({@code {"USA": 2}}, {@code {"a@b.c": true}}) by their keys. */
    private static List<String> values(JsonNode v, String field, Map<String, String> errors) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (v.isNull()) {
            return List.of();
        }
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > 255) {
                    errors.put(field, "Expected a list of non-empty strings of at most 255 characters.");
                    return List.of();
                }
                out.add(item.textValue().strip());
            }
        } else if (v.isObject()) {
            var names = v.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode flag = v.get(name);
                if (name.isBlank() || name.length() > 255) {
                    errors.put(field, "Keys must be non-empty strings of at most 255 characters.");
                    return List.of();
                }
                // {"a@b.c": false} says the address is not approved; a count of 0 means no document.
                if (!(flag.isBoolean() && !flag.booleanValue()) && !(flag.isNumber() && flag.asDouble() == 0)) {
                    out.add(name.strip());
                }
            }
        } else {
            errors.put(field, "Expected a list of strings or an object.");
            return List.of();
        }
        if ("issuing_states".equals(field)) {
            List<String> upper = new ArrayList<>();
            out.forEach(s -> upper.add(s.toUpperCase(Locale.ROOT)));
            return List.copyOf(new LinkedHashSet<>(upper));
        }
        return List.copyOf(out);
    }

    private static String status(JsonNode v, Map<String, String> errors) {
        String value = v == null || !v.isTextual() ? null : v.textValue().strip().toUpperCase(Locale.ROOT);
        if (value == null || !STATUSES.contains(value)) {
            errors.put("status", "\"" + (v == null ? "" : v.asText()) + "\" is not a valid choice. Choose one of ACTIVE, FLAGGED, BLOCKED.");
            return null;
        }
        return value;
    }

    private static String reason(JsonNode v, Map<String, String> errors) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.put("reason", "Not a valid string.");
            return null;
        }
        if (v.textValue().length() > MAX_REASON) {
            errors.put("reason", "Ensure this field has no more than " + MAX_REASON + " characters.");
        }
        return v.textValue();
    }
}
