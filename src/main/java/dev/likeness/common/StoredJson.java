package dev.likeness.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * JSON kept in text columns (metadata, feature lists, workflow versions, subscribed events, webhook
 * payloads), written and read with the wire's mapper so stored values come back exactly as clients
 * sent them. The service wrote every such column itself, so a value that does not parse is a server
 * fault, not a client's: it surfaces as a 500, never as a 400.
 */
@ApplicationScoped
public class StoredJson {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public StoredJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value could not be written as JSON", e);
        }
    }

    /** The stored tree; {@code null} for a column that holds none. */
    public JsonNode tree(String json) {
        return json == null ? null : read(json, new TypeReference<JsonNode>() {
        });
    }

    /** A stored list of strings; empty for a column that holds none. */
    public List<String> strings(String json) {
        return json == null ? List.of() : read(json, STRINGS);
    }

    /** A client's JSON value as its column keeps it: {@code null} for none and for JSON null. */
    public static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.toString();
    }

    public <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
