package dev.likeness.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 400 whose body is keyed by the offending request field, e.g. {@code {"portrait_image": "..."}},
 * as Didit answers validation failures.
 */
public class FieldValidationException extends RuntimeException {

    private final Map<String, String> errors;

    public FieldValidationException(Map<String, String> errors) {
        super("invalid fields: " + errors.keySet(), null, false, false);
        this.errors = new LinkedHashMap<>(errors);
    }

    public FieldValidationException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
