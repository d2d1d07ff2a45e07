package dev.likeness.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Didit's three signatures, all HMAC-SHA256 in lowercase hex keyed with the
 * destination's secret: over the sent bytes, over the {@code ensure_ascii=False} serialisation
 * (so a receiver can re-serialise the parsed body), and over
 * {@code "{timestamp}:{session_id}:{status}:{webhook_type}"}.
 */
public final class WebhookSigner {

    public static final String USER_AGENT = "Likeness-Webhook/1.0";

    private WebhookSigner() {
    }

    public static SignedWebhook sign(Map<String, Object> envelope, String secret) {
        byte[] body = CanonicalJson.ascii(envelope).getBytes(StandardCharsets.US_ASCII);
        byte[] unicode = CanonicalJson.unicode(envelope).getBytes(StandardCharsets.UTF_8);
        String simple = field(envelope, "timestamp") + ":" + field(envelope, "session_id") + ":"
                + field(envelope, "status") + ":" + field(envelope, "webhook_type");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-Signature", hmac(secret, body));
        headers.put("X-Signature-V2", hmac(secret, unicode));
        headers.put("X-Signature-Simple", hmac(secret, simple.getBytes(StandardCharsets.UTF_8)));
        headers.put("X-Timestamp", field(envelope, "timestamp"));
        return new SignedWebhook(body, Collections.unmodifiableMap(headers));
    }

    static String hmac(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String field(Map<String, Object> envelope, String name) {
        Object value = envelope.get(name);
        return value == null ? "" : value.toString();
    }
}
