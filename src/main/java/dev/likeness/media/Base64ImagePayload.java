package dev.likeness.media;

import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The {@code portrait_image} field: an image sent as Base64 text, plain or as a data URL
 * ({@code data:image/jpeg;base64,...}). Size and alphabet are checked before anything is
 * decoded; the result goes to {@link ImageDecoder#decode(byte[], DecodeLimits)} with
 * {@link MediaConfig#portraitLimits()}.
 */
public final class Base64ImagePayload {

    private Base64ImagePayload() {
    }

    /** Upper bound on the bytes {@code maxBase64Chars} characters of Base64 can carry. */
    public static long maxDecodedBytes(long maxBase64Chars) {
        return Math.max(1, (maxBase64Chars + 3) / 4 * 3);
    }

    /**
     * The image bytes carried by {@code value}.
     *
     * @param maxBase64Chars the limit, counted in Base64 characters without prefix or whitespace
     *     (line breaks from MIME-style encoders are allowed and not counted)
     */
    public static byte[] decode(String value, long maxBase64Chars) throws InvalidImageException {
        if (value == null || value.isBlank()) {
            throw new InvalidImageException(InvalidImageException.Reason.EMPTY, "The Base64 image is empty.");
        }
        int start = payloadStart(value);
        int length = value.length();
        long characters = 0;
        for (int i = start; i < length; i++) {
            if (!isWhitespace(value.charAt(i))) {
                characters++;
            }
        }
        if (characters == 0) {
            throw new InvalidImageException(InvalidImageException.Reason.EMPTY, "The Base64 image is empty.");
        }
        if (characters > maxBase64Chars) {
            throw new InvalidImageException(InvalidImageException.Reason.TOO_LARGE,
                    "The Base64 image is " + DecodeLimits.megabytes(characters) + "; the limit is "
                            + DecodeLimits.megabytes(maxBase64Chars) + " of Base64.");
        }
        byte[] clean = new byte[(int) ((characters + 3) / 4 * 4)];
        int n = 0;
        int padding = 0;
        for (int i = start; i < length; i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                continue;
            }
            if (c == '=') {
                padding++;
            } else if (padding > 0 || !isBase64Letter(c)) {
                throw invalid("unexpected character at position " + (i + 1));
            }
            // Accept the URL-safe alphabet too; some clients use it without saying so.
            clean[n++] = (byte) (c == '-' ? '+' : c == '_' ? '/' : c);
        }
        if (padding > 2 || n % 4 == 1 || padding > 0 && n % 4 != 0) {
            throw invalid("the length does not make whole bytes");
        }
        while (n % 4 != 0) {
            clean[n++] = '=';
        }
        try {
            return Base64.getDecoder().decode(n == clean.length ? clean : Arrays.copyOf(clean, n));
        } catch (IllegalArgumentException e) {
            throw invalid("the padding is wrong");
        }
    }

    /** Index where the Base64 text starts: after leading whitespace and any data-URL header. */
    private static int payloadStart(String value) throws InvalidImageException {
        int i = 0;
        while (i < value.length() && isWhitespace(value.charAt(i))) {
            i++;
        }
        if (!value.regionMatches(true, i, "data:", 0, 5)) {
            return i;
        }
        int comma = value.indexOf(',', i);
        if (comma < 0) {
            throw invalid("the data URL has no ',' before the data");
        }
        String header = value.substring(i + 5, comma).toLowerCase(Locale.ROOT);
        if (!header.endsWith(";base64")) {
            throw invalid("the data URL is not Base64-encoded (expected ';base64,')");
        }
        // The declared media type is not trusted; the decoder reads the format from the bytes.
        return comma + 1;
    }

    private static boolean isBase64Letter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '+' || c == '/' || c == '-' || c == '_';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static InvalidImageException invalid(String why) {
        return new InvalidImageException(InvalidImageException.Reason.INVALID_BASE64, "The image is not valid Base64: " + why + ".");
    }
}
