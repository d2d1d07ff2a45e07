package dev.likeness.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The canonical writer and the three signatures checked byte for byte against CPython's own
 * {@code json} and {@code hmac} modules, which is what Didit's sender and most receivers run.
 */
class CanonicalJsonPythonOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec-oracle-ü-secret";

    /** Didit's sender: shorten_floats, then json.dumps with sorted keys and no spaces. */
    private static final String ORACLE = String.join("\n",
            "import json, sys, hmac, hashlib",
            "def shorten_floats(d):",
            "    if isinstance(d, dict): return {k: shorten_floats(v) for k, v in d.items()}",
            "    if isinstance(d, list): return [shorten_floats(v) for v in d]",
            "    if isinstance(d, float) and d.is_integer(): return int(d)",
            "    return d",
            "def sig(secret, msg): return hmac.new(secret.encode('utf-8'), msg, hashlib.sha256).hexdigest()",
            "cases = json.load(open(sys.argv[1], encoding='utf-8'))",
            "secret = sys.argv[2]",
            "out = []",
            "for case in cases:",
            "    obj = shorten_floats(case)",
            "    a = json.dumps(obj, sort_keys=True, separators=(',', ':')).encode('ascii')",
            "    u = json.dumps(obj, sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode('utf-8')",
            "    p = json.loads(a)",
            "    simple = '{}:{}:{}:{}'.format(p.get('timestamp', ''), p.get('session_id', ''), p.get('status', ''), p.get('webhook_type', ''))",
            "    out.append({'ascii': a.hex(), 'unicode': u.hex(), 'sig': sig(secret, a), 'sig_v2': sig(secret, u),",
            "                'sig_simple': sig(secret, simple.encode('utf-8'))})",
            "json.dump(out, open(sys.argv[3], 'w'))");

    @TempDir
    static Path dir;

    private static List<Object> cases;
    private static List<Map<String, String>> expected;

    @BeforeAll
    static void runOracle() throws Exception {
        cases = new ArrayList<>();
        cases.add(JSON.readValue(HANDWRITTEN, Object.class));
        cases.add(envelope());
        cases.addAll(randomCases(new Random(20260612L)));
        Path input = dir.resolve("cases.json");
        Path output = dir.resolve("oracle.json");
        JSON.writeValue(input.toFile(), cases);
        Process python = new ProcessBuilder("python3", "-c", ORACLE, input.toString(), SECRET, output.toString())
                .redirectErrorStream(true).start();
        String log = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "python3 finished");
        assertEquals(0, python.exitValue(), log);
        expected = JSON.readValue(output.toFile(), JSON.getTypeFactory()
                .constructCollectionType(List.class, JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class)));
        // What Java reads back must be the same tree Python read, so both sides serialise one object.
        cases = JSON.readValue(input.toFile(), JSON.getTypeFactory().constructCollectionType(List.class, Object.class));
    }

    /** Accents, CJK, emoji, slashes, control characters, awkward floats, numeric and astral keys. */
    private static final String HANDWRITTEN = """
            {"name": "Zoë Ångström-Nuñez", "city": "東京都", "emoji": "ok 👍🏽 🇪🇸", "path": "a/b\\\\c/</script>",
             "quote": "say \\"hi\\"", "controls": "\\u0000\\u0001\\b\\f\\n\\r\\t\\u001f\\u007f\\u0080\\u2028",
             "score": 96.15, "whole": 95.0, "tiny": 1e-7, "big": 1e22, "bigger": 1.5e300, "neg": -0.0,
             "fifteen": 1e15, "sixteen": 1e16, "edge": 0.0001, "below": 0.00001, "third": 0.3333333333333333,
             "long_int": 123456789012345678901234567890, "neg_int": -42, "true": true, "false": false, "none": null,
             "empty_object": {}, "empty_array": [], "nested": {"b": {}, "a": [{}, [], {"z": 1.10, "y": [0.5, 2.0]}]},
             "10": "ten", "9": "nine", "a": "a", "A": "A", "_": "_", "é": 1, "\uFFFF": "bmp max",
             "\uD83D\uDE00": "astral grin", "\uFF61": "halfwidth", "\uD800\uDC00": "first astral", "": "empty key",
             "decision": {"liveness_checks": [{"score": 99.41, "age_estimation": 24.0, "warnings": []}],
                          "face_matches": [{"score": 50.33, "status": "Approved"}]}}
            """;

    private static Map<String, Object> envelope() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event_id", "0b8a0f6e-2f0a-4d55-9d8e-6a1d2c3b4a59");
        e.put("webhook_type", "status.updated");
        e.put("timestamp", 1774970000);
        e.put("created_at", 1774969994);
        e.put("session_id", "11111111-2222-3333-4444-555555555555");
        e.put("status", "Approved");
        e.put("vendor_data", "wp-42");
        e.put("metadata", Map.of("wp_user_id", 42, "note", "café"));
        e.put("decision", Map.of("status", "Approved", "features", List.of("LIVENESS", "FACE_MATCH")));
        return e;
    }

    private static List<Object> randomCases(Random random) {
        List<Object> out = new ArrayList<>();
        double[] edges = {Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 4.9e-324, 2.2250738585072014E-308,
                0.1, 0.2 + 0.1, 1.0 / 3, 2.0 / 3, 9007199254740993.0, 1e16 + 2, 123456.789e-10, 5e-5, 1e-4,
                99.99, 0.01, 12.3, 1.7976931348623157e308, 8.41e21, 5.0e-324 * 3, 1e23, 2e-7, 123e18};
        List<Object> edgeList = new ArrayList<>();
        for (double d : edges) {
            edgeList.add(d);
        }
        out.add(Map.of("edges", edgeList));
        for (int c = 0; c < 40; c++) {
            Map<String, Object> obj = new LinkedHashMap<>();
            for (int i = 0; i < 60; i++) {
                obj.put(randomString(random, 1 + random.nextInt(4)), randomValue(random, 2));
            }
            out.add(obj);
        }
        return out;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(d) || Double.isInfinite(d));
                yield d;
            }
            case 1 -> Math.round(random.nextDouble() * 1_000_000) / Math.pow(10, random.nextInt(8));
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 3 -> random.nextLong();
            case 4 -> randomString(random, random.nextInt(12));
            case 5 -> random.nextBoolean();
            case 6 -> null;
            case 7 -> {
                Map<String, Object> obj = new LinkedHashMap<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    obj.put(randomString(random, 1 + random.nextInt(3)), randomValue(random, depth - 1));
                }
                yield obj;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(randomValue(random, depth - 1));
                }
                yield list;
            }
        };
    }

    /** Code points from every range that escapes or sorts differently; never a lone surrogate. */
    private static String randomString(Random random, int length) {
        int[][] ranges = {{0x00, 0x20}, {0x20, 0x7f}, {0x7f, 0x100}, {0x100, 0x800}, {0x3040, 0x9fff},
                {0xe000, 0x10000}, {0x1f300, 0x1faff}, {0x10000, 0x10ffff}};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] r = ranges[random.nextInt(ranges.length)];
            s.appendCodePoint(r[0] + random.nextInt(r[1] - r[0]));
        }
        return s.toString();
    }

    @Test
    void asciiBodyMatchesPythonByteForByte() {
        for (int i = 0; i < cases.size(); i++) {
            byte[] ours = CanonicalJson.ascii(cases.get(i)).getBytes(StandardCharsets.US_ASCII);
            int index = i;
            assertEquals(expected.get(i).get("ascii"), HexFormat.of().formatHex(ours), () -> "case " + index);
        }
    }

    @Test
    void unicodeFormMatchesPythonByteForByte() {
        for (int i = 0; i < cases.size(); i++) {
            byte[] ours = CanonicalJson.unicode(cases.get(i)).getBytes(StandardCharsets.UTF_8);
            int index = i;
            assertEquals(expected.get(i).get("unicode"), HexFormat.of().formatHex(ours), () -> "case " + index);
        }
    }

    @Test
    void jacksonTreesSerialiseTheSameAsPlainMaps() throws IOException {
        for (Object c : cases) {
            JsonNode node = JSON.valueToTree(c);
            assertEquals(CanonicalJson.ascii(c), CanonicalJson.ascii(node));
        }
    }

    @Test
    void threeSignaturesMatchPythonHmac() {
        for (int i = 0; i < cases.size(); i++) {
            if (!(cases.get(i) instanceof Map<?, ?>)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> envelope = (Map<String, Object>) cases.get(i);
            SignedWebhook signed = WebhookSigner.sign(envelope, SECRET);
            assertEquals(expected.get(i).get("ascii"), HexFormat.of().formatHex(signed.body()));
            assertEquals(expected.get(i).get("sig"), signed.headers().get("X-Signature"));
            assertEquals(expected.get(i).get("sig_v2"), signed.headers().get("X-Signature-V2"));
            assertEquals(expected.get(i).get("sig_simple"), signed.headers().get("X-Signature-Simple"));
        }
    }

    @Test
    void knownValuesReadAsPythonPrintsThem() {
        assertEquals("{\"a\":96.15,\"b\":95,\"c\":1e-07,\"d\":10000000000000000000000,\"e\":1.5e-16,\"f\":{}}",
                CanonicalJson.ascii(Map.of("f", Map.of(), "e", 1.5e-16, "d", 1e22, "c", 1e-7, "b", 95.0, "a", 96.15)));
        assertEquals("\"caf\\u00e9 \\ud83d\\ude00 a/b\"", CanonicalJson.ascii("café 😀 a/b"));
        assertEquals("\"café 😀 a/b\"", CanonicalJson.unicode("café 😀 a/b"));
        assertEquals("{\"\uFFFF\":1,\"\uD83D\uDE00\":2}", CanonicalJson.unicode(Map.of("\uD83D\uDE00", 2, "\uFFFF", 1)));
    }
}
