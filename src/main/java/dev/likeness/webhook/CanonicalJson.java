package dev.likeness.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook body as Didit's sender produces it: Python's
 * {@code json.dumps(shorten_floats(obj), sort_keys=True, separators=(",", ":"))}. Receivers verify
 * signatures over these exact bytes (or re-serialise the parsed body with Python), so every rule
 * follows CPython's {@code json} module: keys sorted by code point at every depth, whole-number
 * floats written as integers, other floats as {@code repr}, control characters escaped with
 * lowercase hex, {@code /} left alone.
 *
 * <p>Accepts a JSON-shaped tree: maps, lists/arrays, strings, numbers, booleans, null, UUIDs and
 * Jackson nodes. Anything else must be converted (e.g. with the ObjectMapper) first.
 */
public final class CanonicalJson {

    /** Python compares str by code point; Java's String.compareTo by UTF-16 unit differs above U+FFFF. */
    static final Comparator<String> CODE_POINT_ORDER = CanonicalJson::compareCodePoints;

    private CanonicalJson() {
    }

    /** {@code ensure_ascii=True}: the bytes that are sent and signed for {@code X-Signature}. */
    public static String ascii(Object tree) {
        StringBuilder out = new StringBuilder(256);
        write(tree, out, true);
        return out.toString();
    }

    /** {@code ensure_ascii=False}: the text whose UTF-8 bytes are signed for {@code X-Signature-V2}. */
    public static String unicode(Object tree) {
        StringBuilder out = new StringBuilder(256);
        write(tree, out, false);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, boolean ascii) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof JsonNode node) {
            writeNode(node, out, ascii);
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
            writeString(value.toString(), out, ascii);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Number n) {
            writeNumber(n, out);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out, ascii);
        } else if (value instanceof Iterable<?> items) {
            writeArray(items.iterator(), out, ascii);
        } else if (value instanceof Object[] items) {
            writeArray(List.of(items).iterator(), out, ascii);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private record Field(String key, Object value) {
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, boolean ascii) {
        List<Field> fields = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            fields.add(new Field(String.valueOf(e.getKey()), e.getValue()));
        }
        fields.sort(Comparator.comparing(Field::key, CODE_POINT_ORDER));
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(fields.get(i).key(), out, ascii);
            out.append(':');
            write(fields.get(i).value(), out, ascii);
        }
        out.append('}');
    }

    private static void writeArray(Iterator<?> items, StringBuilder out, boolean ascii) {
        out.append('[');
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(items.next(), out, ascii);
        }
        out.append(']');
    }

    private static void writeNode(JsonNode node, StringBuilder out, boolean ascii) {
        if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            node.properties().forEach(f -> fields.put(f.getKey(), f.getValue()));
            writeObject(fields, out, ascii);
        } else if (node.isArray()) {
            writeArray(node.elements(), out, ascii);
        } else if (node.isTextual()) {
            writeString(node.textValue(), out, ascii);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            writeFloat(node.doubleValue(), out);
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void writeNumber(Number n, StringBuilder out) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof AtomicInteger
                || n instanceof AtomicLong) {
            out.append(n);
        } else if (n instanceof BigDecimal d) {
            // A Python producer holds scores as float, so a BigDecimal is written as that float.
            writeFloat(d.doubleValue(), out);
        } else {
            writeFloat(n.doubleValue(), out);
        }
    }

    /** Didit's shorten_floats: {@code int(x) if x.is_integer()}, then json's float repr. */
    private static void writeFloat(double d, StringBuilder out) {
        if (!Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d)) {
            out.append(new BigDecimal(d).toBigIntegerExact());
        } else {
            out.append(PythonFloat.repr(d));
        }
    }

    private static void writeString(String s, StringBuilder out, boolean ascii) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ascii && c > 0x7e)) {
                        // UTF-16 units, so astral characters come out as surrogate pairs, as in Python.
                        out.append("\\u");
                        String hex = Integer.toHexString(c);
                        out.append("0".repeat(4 - hex.length())).append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
