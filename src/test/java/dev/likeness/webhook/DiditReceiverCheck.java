package dev.likeness.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks a received webhook the way a receiver written for Didit does: HMACs in Java and the README's Python. */
final class DiditReceiverCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The receiver check published in the README, run by python3 on what arrived. */
    private static final String PYTHON_RECEIVER = String.join("\n",
            "import hmac, hashlib, json, sys",
            "raw_body = open(sys.argv[1], 'rb').read(); secret = sys.argv[2]; headers = json.loads(sys.argv[3])",
            "sign = lambda msg: hmac.new(secret.encode('utf-8'), msg, hashlib.sha256).hexdigest()",
            "# --- README snippet (X-Signature-V2) ---",
            "canonical = json.dumps(json.loads(raw_body), sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode('utf-8')",
            "ok = hmac.compare_digest(hmac.new(secret.encode('utf-8'), canonical, hashlib.sha256).hexdigest(), headers['X-Signature-V2'])",
            "# --- the other two headers ---",
            "body = json.loads(raw_body)",
            "simple = '{}:{}:{}:{}'.format(body.get('timestamp', ''), body.get('session_id', ''), body.get('status', ''), body.get('webhook_type', ''))",
            "print('v2', ok)",
            "print('v1', hmac.compare_digest(sign(raw_body), headers['X-Signature']))",
            "print('simple', hmac.compare_digest(sign(simple.encode('utf-8')), headers['X-Signature-Simple']))");

    /** Independent HMACs over the received bytes here, then the README's Python receiver check. */
    static void verify(Receiver.Request r, String secret) throws Exception {
        JsonNode body = JSON.readTree(r.body());
        assertEquals(hmac(secret, r.body()), r.header("X-Signature"));
        String simple = body.get("timestamp").asText() + ":" + body.get("session_id").asText() + ":"
                + body.get("status").asText() + ":" + body.get("webhook_type").asText();
        assertEquals(hmac(secret, simple.getBytes(StandardCharsets.UTF_8)), r.header("X-Signature-Simple"));

        Path file = Files.createTempFile("webhook-body", ".json");
        try {
            Files.write(file, r.body());
            String headers = JSON.writeValueAsString(Map.of("X-Signature", r.header("X-Signature"),
                    "X-Signature-V2", r.header("X-Signature-V2"), "X-Signature-Simple", r.header("X-Signature-Simple")));
            Process python = new ProcessBuilder("python3", "-c", PYTHON_RECEIVER, file.toString(), secret, headers)
                    .redirectErrorStream(true).start();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(python.waitFor(30, TimeUnit.SECONDS));
            assertEquals("v2 True\nv1 True\nsimple True\n", out, "python receiver check");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** HMAC-SHA256, lowercase hex, as all three signature headers use. */
    static String hmac(String secret, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message));
    }

    private DiditReceiverCheck() {
    }
}
