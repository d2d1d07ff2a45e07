package dev.likeness.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body for java.net.http, which has no builder of its own. */
final class Multipart {

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Multipart(String boundary) {
        this.boundary = boundary;
    }

    static Multipart of(String boundary) {
        return new Multipart(boundary);
    }

    Multipart field(String name, String value) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    Multipart file(String name, String filename, String contentType, byte[] bytes) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(bytes);
        text("\r\n");
        return this;
    }

    byte[] build() {
        text("--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private void text(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
