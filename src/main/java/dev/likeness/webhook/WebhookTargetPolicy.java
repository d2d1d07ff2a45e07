package dev.likeness.webhook;

import dev.likeness.common.FieldValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs may receive webhooks: absolute http(s) URLs without credentials or fragment, and,
 * unless {@code likeness.webhooks.allow-private-targets} is on, only hosts that resolve to public
 * addresses. The address check runs when a URL is configured and again before each send, because
 * DNS answers change.
 */
@ApplicationScoped
public class WebhookTargetPolicy {

    static final int MAX_URL_LENGTH = 2048;
    static final String PRIVATE_REFUSED = "Private, loopback and link-local addresses are not allowed.";

    private final boolean allowPrivateTargets;

    @Inject
    public WebhookTargetPolicy(WebhookConfig config) {
        this(config.allowPrivateTargets());
    }

    WebhookTargetPolicy(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /** The URL as it will be stored, or a 400 keyed by {@code field}. */
    public String validate(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new FieldValidationException(field, "This field may not be blank.");
        }
        String url = raw.trim();
        if (url.length() > MAX_URL_LENGTH) {
            throw new FieldValidationException(field, "Ensure this field has no more than " + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new FieldValidationException(field, "Enter a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FieldValidationException(field, "Only http and https URLs are allowed.");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new FieldValidationException(field, "URLs must not contain credentials.");
        }
        if (uri.getRawFragment() != null) {
            throw new FieldValidationException(field, "URLs must not contain a fragment.");
        }
        if (!allowPrivateTargets && uri.getHost() == null && isPrivateNumericAuthority(uri.getRawAuthority())) {
            // e.g. http://127.1/: java.net.URI finds no host in it, but other resolvers read loopback.
            throw new FieldValidationException(field, PRIVATE_REFUSED);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new FieldValidationException(field, "Enter a valid URL.");
        }
        if (!allowPrivateTargets && isPrivateHost(uri.getHost(), false)) {
            throw new FieldValidationException(field, PRIVATE_REFUSED);
        }
        return url;
    }

    /** Why a send to this URL must not happen now, if it must not. */
    public Optional<String> refusal(URI uri) {
        if (uri.getHost() == null) {
            return Optional.of("Invalid URL.");
        }
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        return isPrivateHost(uri.getHost(), true) ? Optional.of(PRIVATE_REFUSED) : Optional.empty();
    }

    private static boolean isPrivateNumericAuthority(String authority) {
        if (authority == null || authority.startsWith("[")) {
            return false;
        }
        int colon = authority.lastIndexOf(':');
        String host = (colon >= 0 ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return NumericIpv4.parse(host).filter(WebhookTargetPolicy::isPrivate).isPresent();
    }

    /**
     * When configuring, a name that does not resolve yet is accepted (the send-time check still
     * applies); when sending, it is refused like a private one would be, since nothing can be sent.
     */
    private static boolean isPrivateHost(String host, boolean refuseUnresolvable) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
            name = name.substring(0, name.length() - 1);
        }
        if (lower.equals("localhost") || lower.endsWith(".localhost") || lower.endsWith(".local")
                || lower.endsWith(".internal")) {
            return true;
        }
        Optional<InetAddress> numeric = NumericIpv4.parse(lower);
        if (numeric.isPresent() && isPrivate(numeric.get())) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(name)) {
                if (isPrivate(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return refuseUnresolvable;
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && (second & 0xc0) == 64)  // carrier-grade NAT 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second & 0xfe) == 18)  // benchmarking 198.18/15
                    || first >= 240;                            // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                       // unique local fc00::/7
                return true;
            }
            boolean v4Embedded = true;                          // ::a.b.c.d and NAT64 64:ff9b::a.b.c.d
            for (int i = 0; i < 12; i++) {
                if (b[i] != 0) {
                    v4Embedded = false;
                    break;
                }
            }
            boolean nat64 = first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            try {
                if (v4Embedded || nat64) {
                    return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                }
                if (first == 0x20 && (b[1] & 0xff) == 0x02) {       // 6to4 2002:a.b.c.d::/48 reaches a.b.c.d
                    return isPrivate(InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]}));
                }
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }
}
