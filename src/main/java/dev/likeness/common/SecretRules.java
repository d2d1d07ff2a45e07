package dev.likeness.common;

import java.util.Base64;

/** The rules a secret setting must meet; each failure names the setting and the rule. */
public final class SecretRules {

    private SecretRules() {
    }

    /**
     * Decodes a Base64 key of at least {@code minBytes} bytes, or exactly that many when {@code exact}
     * (AES-256 takes 32 bytes, no more, no less).
     */
    public static byte[] base64Key(String setting, String value, int minBytes, boolean exact) {
        String rule = exact
                ? "must be exactly " + minBytes + " random bytes, Base64-encoded (e.g. head -c " + minBytes + " /dev/urandom | base64)"
                : "must be at least " + minBytes + " random bytes, Base64-encoded (e.g. head -c " + minBytes + " /dev/urandom | base64)";
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(setting, "is not set; it " + rule);
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(setting, "is not Base64; it " + rule);
        }
        if (exact ? raw.length != minBytes : raw.length < minBytes) {
            throw new InvalidSettingException(setting, "decodes to " + raw.length + " bytes; it " + rule);
        }
        return raw;
    }

    /** A bearer token long enough not to be guessed; placeholders such as REPLACE_ME fail here. */
    public static String token(String setting, String value, int minChars) {
        if (value == null || value.trim().length() < minChars) {
            throw new InvalidSettingException(setting, "must be at least " + minChars
                    + " characters (e.g. head -c 32 /dev/urandom | base64), or unset");
        }
        return value;
    }
}
