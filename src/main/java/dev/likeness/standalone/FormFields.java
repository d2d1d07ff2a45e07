package dev.likeness.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.common.FieldValidationException;
import dev.likeness.common.NullCharacterException;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the multipart fields the standalone APIs share, collecting every problem so that one 400
 * names all bad fields at once, with DRF's wording where Didit's clients have seen it.
 */
final class FormFields {

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");

    /** The fields every standalone endpoint takes besides its images and thresholds. */
    record Common(boolean rotate, boolean save, String vendorData, JsonNode metadata) {
    }

    private final Map<String, String> errors = new LinkedHashMap<>();

    Common common(CommonForm sent, ObjectMapper mapper) {
        return new Common(flag("rotate_image", sent.rotateImage, false), flag("save_api_request", sent.saveApiRequest, true),
                text("vendor_data", sent.vendorData, 1024), jsonObject("metadata", sent.metadata, mapper));
    }

    byte[] image(String field, FileUpload upload, long maxBytes) {
        if (upload == null || upload.uploadedFile() == null) {
            errors.put(field, "No file was submitted.");
            return null;
        }
        if (upload.size() == 0) {
            errors.put(field, "The submitted file is empty.");
            return null;
        }
        if (upload.size() > maxBytes) {
            errors.put(field, "The image must be " + (maxBytes / (1024 * 1024)) + " MB or smaller.");
            return null;
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an uploaded file", e);
        }
    }

    double threshold(String field, String raw, double defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                errors.put(field, "A valid number is required.");
            } else if (value < 0) {
                errors.put(field, "Ensure this value is greater than or equal to 0.");
            } else if (value > 100) {
                errors.put(field, "Ensure this value is less than or equal to 100.");
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(field, "A valid number is required.");
            return defaultValue;
        }
    }

    int wholeNumber(String field, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min) {
                errors.put(field, "Ensure this value is greater than or equal to " + min + ".");
            } else if (value > max) {
                errors.put(field, "Ensure this value is less than or equal to " + max + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(field, "A valid integer is required.");
            return defaultValue;
        }
    }

    boolean flag(String field, String raw, boolean defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        errors.put(field, "Must be a valid boolean.");
        return defaultValue;
    }

    String text(String field, String raw, int maxLength) {
        if (raw == null) {
            return null;
        }
        if (NullCharacterException.present(raw)) {
            errors.put(field, NullCharacterException.MESSAGE);
            return null;
        }
        if (raw.length() > maxLength) {
            errors.put(field, "Ensure this field has no more than " + maxLength + " characters.");
        }
        return raw;
    }

    JsonNode jsonObject(String field, String raw, ObjectMapper mapper) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (NullCharacterException.present(raw)) {
            errors.put(field, NullCharacterException.MESSAGE);
            return null;
        }
        try {
            JsonNode node = mapper.readTree(raw);
            if (node == null || !node.isObject()) {
                errors.put(field, "Must be a JSON object.");
                return null;
            }
            return node;
        } catch (NullCharacterException e) {
            errors.put(field, NullCharacterException.MESSAGE);
            return null;
        } catch (IOException e) {
            errors.put(field, "Value must be valid JSON.");
            return null;
        }
    }

    void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    boolean invalid() {
        return !errors.isEmpty();
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }
}
