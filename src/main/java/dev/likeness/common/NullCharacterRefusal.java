package dev.likeness.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses U+0000 in every JSON string the API reads, typed fields and free-form trees (metadata,
 * webhook bodies) alike, at the moment the body is parsed. PostgreSQL would otherwise reject the
 * row much later, as a 500, possibly after a model has run.
 */
@Singleton
public class NullCharacterRefusal implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("likeness-no-nul");
        module.addDeserializer(String.class, typed(new NulFree(StringDeserializer.instance,
                NullCharacterRefusal::refuseNulText)));
        module.addDeserializer(JsonNode.class, typed(new NulFree(JsonNodeDeserializer.getDeserializer(JsonNode.class),
                NullCharacterRefusal::refuseNulTree)));
        mapper.registerModule(module);
    }

    /** Jackson's delegating base is declared for Object; each wrapper returns what its delegate does. */
    @SuppressWarnings("unchecked")
    private static <T> JsonDeserializer<T> typed(JsonDeserializer<?> deserializer) {
        return (JsonDeserializer<T>) deserializer;
    }

    /** Checks a value a wrapped deserializer produced; throws when it holds a NUL. */
    @FunctionalInterface
    private interface Check {
        void refuseNul(Object value, JsonParser p) throws NullCharacterException;
    }

    /** Runs the wrapped deserializer, then its check on what it produced. */
    private static final class NulFree extends DelegatingDeserializer {

        private final Check check;

        NulFree(JsonDeserializer<?> delegate, Check check) {
            super(delegate);
            this.check = check;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new NulFree(newDelegatee, check);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            check.refuseNul(value, p);
            return value;
        }
    }

    private static void refuseNulText(Object value, JsonParser p) throws NullCharacterException {
        if (value instanceof String text && NullCharacterException.present(text)) {
            throw new NullCharacterException(p);
        }
    }

    private static void refuseNulTree(Object value, JsonParser p) throws NullCharacterException {
        if (!(value instanceof JsonNode tree)) {
            return;
        }
        // A whole-body tree is named by its top-level key, a nested one by the field holding it.
        if (tree.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (NullCharacterException.present(field.getKey()) || holdsNul(field.getValue())) {
                    NullCharacterException refused = new NullCharacterException(p);
                    refused.prependPath(tree, field.getKey());
                    throw refused;
                }
            }
        } else if (holdsNul(tree)) {
            throw new NullCharacterException(p);
        }
    }

    private static boolean holdsNul(JsonNode node) {
        if (node.isTextual()) {
            return NullCharacterException.present(node.textValue());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (NullCharacterException.present(field.getKey()) || holdsNul(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (holdsNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}
