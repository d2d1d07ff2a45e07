package dev.likeness.webhook;

import java.util.Map;

/** Exactly what goes on the wire for one attempt: the body bytes and the headers signed over them. */
public record SignedWebhook(byte[] body, Map<String, String> headers) {
}
