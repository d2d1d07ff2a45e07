package dev.likeness.capture.page;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The capture page's HTML: one template, filled with the language from the link and the screen
 * the script starts on. Everything the page loads comes from this service.
 */
@ApplicationScoped
public class PageShell {

    /** Which screen the script opens with. */
    public enum Screen {
        CAPTURE("capture"), NOT_FOUND("not-found");

        private final String attribute;

        Screen(String attribute) {
            this.attribute = attribute;
        }
    }

    /**
     * Nothing from elsewhere, ever: the page only talks to its own origin. No referrer, because the
     * page URL carries the session token and the page ends by navigating to the operator's callback.
     */
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    private final String template;

    public PageShell() {
        try (InputStream in = PageShell.class.getResourceAsStream("/capture-page/shell.html")) {
            if (in == null) {
                throw new IllegalStateException("capture-page/shell.html is missing from the build");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String render(String lang, Screen screen) {
        // The routes only accept letters and one hyphen here, so the value needs no escaping.
        String language = lang == null ? "en" : lang.toLowerCase(Locale.ROOT);
        return template.replace("{{lang}}", language).replace("{{screen}}", screen.attribute);
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
                + "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "no-store");
        headers.put("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        return Map.copyOf(headers);
    }
}
