package dev.likeness.session;

import java.security.SecureRandom;

/**
 * The end user's credential for one session's capture flow, carried in the session URL. 22 base62
 * characters hold about 131 bits, so a token cannot be guessed.
 */
final class SessionTokens {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {
    }

    static String next() {
        char[] token = new char[22];
        for (int i = 0; i < token.length; i++) {
            token[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(token);
    }
}
