package dev.likeness.lists;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a list holds, with the documented check and normal form of a value. Values are stored normalised so that matching is case-insensitive: phones in E.164,
 * countries as upper-case ISO alpha-3, everything else lower case.
 */
public enum EntryType {

    FACE("face", "Face"),
    DOCUMENT("document", "Document"),
    PHONE("phone", "Phone"),
    EMAIL("email", "Email"),
    IP_ADDRESS("ip_address", "IP Address"),
    DEVICE_FINGERPRINT("device_fingerprint", "Device Fingerprint"),
    WALLET_ADDRESS("wallet_address", "Wallet Address"),
    BANK_ACCOUNT("bank_account", "Bank Account"),
    USER("user", "User"),
    BUSINESS("business", "Business"),
    COUNTRY("country", "Country"),
    KEY("key", "Key");

    /** A value that fails its type's check; the message is for the caller. */
    public static final class InvalidValue extends Exception {
        InvalidValue(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().\\-/]");
    private static final Pattern FINGERPRINT = Pattern.compile("[A-Za-z0-9\\-_:.]{8,}");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9a-f]{1,4}");
    private static final Map<String, String> ALPHA3_BY_ALPHA2 = Arrays.stream(Locale.getISOCountries())
            .collect(Collectors.toMap(Function.identity(), c -> new Locale("", c).getISO3Country()));
    private static final java.util.Set<String> ALPHA3 = java.util.Set.copyOf(ALPHA3_BY_ALPHA2.values());

    private final String wire;
    private final String label;

    EntryType(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public String wire() {
        return wire;
    }

    /** The name of this type's system blocklist, e.g. "Face Blocklist". */
    public String systemBlocklistName() {
        return label + " Blocklist";
    }

    public static Optional<EntryType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    /** The value as stored, or why it is not one of this type. */
    public String normalise(String raw) throws InvalidValue {
        String value = raw.strip();
        if (value.isEmpty()) {
            throw new InvalidValue("This field may not be blank.");
        }
        return switch (this) {
            case EMAIL -> {
                if (!EMAIL_ADDRESS.matcher(value).matches()) {
                    throw new InvalidValue("Enter a valid email address.");
                }
                yield value.toLowerCase(Locale.ROOT);
            }
            case PHONE -> phone(value);
            case IP_ADDRESS -> ipOrCidr(value.toLowerCase(Locale.ROOT));
            case DEVICE_FINGERPRINT -> {
                if (!FINGERPRINT.matcher(value).matches()) {
                    throw new InvalidValue("Enter at least 8 characters of letters, digits, '-', '_', ':' or '.'.");
                }
                yield value.toLowerCase(Locale.ROOT);
            }
            case COUNTRY -> country(value.toUpperCase(Locale.ROOT));
            default -> value.toLowerCase(Locale.ROOT);
        };
    }

    private static String phone(String value) throws InvalidValue {
        String compact = PHONE_PUNCTUATION.matcher(value).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (!E164.matcher(compact).matches()) {
            throw new InvalidValue("Enter a valid phone number in E.164 format, e.g. +14155552671.");
        }
        return compact;
    }

    private static String country(String value) throws InvalidValue {
        if (value.length() == 2 && ALPHA3_BY_ALPHA2.containsKey(value)) {
            return ALPHA3_BY_ALPHA2.get(value);
        }
        if (value.length() == 3 && ALPHA3.contains(value)) {
            return value;
        }
        throw new InvalidValue("Enter an ISO 3166-1 alpha-3 country code (alpha-2 is accepted).");
    }

    private static String ipOrCidr(String value) throws InvalidValue {
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && !isIpv6(address)) {
            throw new InvalidValue("Enter a valid IPv4 or IPv6 address or CIDR range.");
        }
        if (slash >= 0) {
            String prefix = value.substring(slash + 1);
            int max = v4 ? 32 : 128;
            if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > max) {
                throw new InvalidValue("Enter a valid IPv4 or IPv6 address or CIDR range.");
            }
        }
        return value;
    }

    /** Text form of RFC 4291 §2.2, including "::" and a trailing dotted IPv4 part. */
    private static boolean isIpv6(String address) {
        String text = address;
        int groups = 0;
        int lastColon = text.lastIndexOf(':');
        if (lastColon >= 0 && text.indexOf('.') > lastColon) {
            if (!IPV4.matcher(text.substring(lastColon + 1)).matches()) {
                return false;
            }
            text = text.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon != text.lastIndexOf("::") || text.contains(":::")) {
            return false;
        }
        if (doubleColon < 0) {
            String[] parts = text.split(":", -1);
            return parts.length == 8 && Arrays.stream(parts).allMatch(p -> IPV6_GROUP.matcher(p).matches());
        }
        for (String side : new String[] {text.substring(0, doubleColon), text.substring(doubleColon + 2)}) {
            if (side.isEmpty()) {
                continue;
            }
            for (String part : side.split(":", -1)) {
                if (!IPV6_GROUP.matcher(part).matches()) {
                    return false;
                }
                groups++;
            }
        }
        return groups <= 7;
    }
}
