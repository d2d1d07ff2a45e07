package dev.likeness.webhook;

import dev.likeness.common.FieldValidationException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookTargetPolicyTest {

    private static final List<String> PRIVATE = List.of("http://127.0.0.1/hook", "http://localhost:8080/",
            "http://10.1.2.3/", "http://172.16.0.9/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
            "http://[::1]/", "http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://100.64.0.1/", "http://0.0.0.0/",
            "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://metadata.google.internal/",
            // Numeric spellings a C resolver reads as loopback, some of which Java cannot parse or reads as public.
            "http://0x7f000001/", "http://0177.0.0.1/", "http://017700000001/", "http://0xa9fea9fe/latest/meta-data",
            "http://localhost./", "http://[::]/", "http://[fc00::1]/", "http://[0:0:0:0:0:0:0:1]/",
            "http://[2002:7f00:1::]/", "http://10.0.0.1/", "http://172.31.255.255/", "http://192.168.0.1/");

    /** Numeric spellings in which java.net.URI finds no host at all: refused as private all the same. */
    private static final List<String> PRIVATE_WITHOUT_URI_HOST = List.of("http://127.1/", "http://0x7f.1/",
            "http://0251.0376.0251.0376/", "http://127.0.0.1.:8080/", "http://10.1/");

    @Test
    void numericSpellingsWithoutAUriHostAreRefused() {
        WebhookTargetPolicy strict = new WebhookTargetPolicy(false);
        WebhookTargetPolicy open = new WebhookTargetPolicy(true);
        for (String url : PRIVATE_WITHOUT_URI_HOST) {
            assertEquals(WebhookTargetPolicy.PRIVATE_REFUSED, message(strict, url), url);
            assertEquals("Enter a valid URL.", message(open, url), url); // the HTTP client could not use it either
            assertTrue(strict.refusal(URI.create(url)).isPresent(), url);
        }
    }

    @Test
    void numericHostsAreReadAsTheCResolverReadsThem() {
        assertEquals("127.0.0.1", NumericIpv4.parse("0x7f000001").orElseThrow().getHostAddress());
        assertEquals("127.0.0.1", NumericIpv4.parse("2130706433").orElseThrow().getHostAddress());
        assertEquals("127.0.0.1", NumericIpv4.parse("0177.0.0.1").orElseThrow().getHostAddress());
        assertEquals("127.0.0.1", NumericIpv4.parse("127.1").orElseThrow().getHostAddress());
        assertEquals("10.1.0.2", NumericIpv4.parse("10.1.2").orElseThrow().getHostAddress());
        assertEquals("169.254.169.254", NumericIpv4.parse("0xa9.0xfe.0xa9.0xfe").orElseThrow().getHostAddress());
        assertTrue(NumericIpv4.parse("example.com").isEmpty());
        assertTrue(NumericIpv4.parse("256.1.1.1").isEmpty());
        assertTrue(NumericIpv4.parse("1.2.3.4.5").isEmpty());
        assertTrue(NumericIpv4.parse("08.1.1.1").isEmpty());
        assertTrue(NumericIpv4.parse("4294967296").isEmpty());
    }

    @Test
    void theSwitchIsOffUnlessConfigured() throws Exception {
        var method = WebhookConfig.class.getMethod("allowPrivateTargets");
        assertEquals("false", method.getAnnotation(io.smallrye.config.WithDefault.class).value());
    }

    @Test
    void privateTargetsAreRefusedWhenConfiguredSo() {
        WebhookTargetPolicy strict = new WebhookTargetPolicy(false);
        for (String url : PRIVATE) {
            FieldValidationException e = assertThrows(FieldValidationException.class, () -> strict.validate("url", url), url);
            assertEquals(WebhookTargetPolicy.PRIVATE_REFUSED, e.errors().get("url"));
            assertTrue(strict.refusal(URI.create(url)).isPresent(), url);
        }
        assertEquals("https://93.184.216.34/hook", strict.validate("url", "https://93.184.216.34/hook"));
        assertFalse(strict.refusal(URI.create("https://93.184.216.34/hook")).isPresent());
    }

    @Test
    void privateTargetsAreAcceptedWhenSwitchedOnForSingleTenantInstalls() {
        WebhookTargetPolicy open = new WebhookTargetPolicy(true);
        for (String url : PRIVATE) {
            assertEquals(url, open.validate("url", url));
            assertFalse(open.refusal(URI.create(url)).isPresent());
        }
    }

    @Test
    void malformedUrlsAreRefusedWithAMessageKeyedByField() {
        WebhookTargetPolicy open = new WebhookTargetPolicy(true);
        assertEquals("Only http and https URLs are allowed.", message(open, "ftp://example.com/"));
        assertEquals("Only http and https URLs are allowed.", message(open, "file:///etc/passwd"));
        assertEquals("URLs must not contain credentials.", message(open, "https://u:p@example.com/"));
        assertEquals("URLs must not contain credentials.", message(open, "https://token@example.com/"));
        assertEquals("URLs must not contain a fragment.", message(open, "https://example.com/a#b"));
        assertEquals("Enter a valid URL.", message(open, "https://exa mple.com/"));
        assertEquals("Enter a valid URL.", message(open, "https://example.com:99999/"));
        assertEquals("This field may not be blank.", message(open, " "));
        assertEquals("https://example.com/hook?a=1", open.validate("webhook_url", " https://example.com/hook?a=1 "));
    }

    @Test
    void retriesBackOffThenGiveUpAfterMaxAge() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(1)),
                Duration.ofHours(24));
        OffsetDateTime first = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(first.plusSeconds(10), schedule.next(1, first, first).orElseThrow());
        assertEquals(first.plusMinutes(2), schedule.next(2, first, first.plusMinutes(1)).orElseThrow());
        assertEquals(first.plusHours(6), schedule.next(9, first, first.plusHours(5)).orElseThrow());
        assertTrue(schedule.next(30, first, first.plusHours(24)).isEmpty());
    }

    private static String message(WebhookTargetPolicy policy, String url) {
        return assertThrows(FieldValidationException.class, () -> policy.validate("url", url)).errors().get("url");
    }
}
