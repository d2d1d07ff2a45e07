package dev.likeness.common;

/** Java property names as they appear on the wire (the API is snake_case throughout). */
public final class SnakeCase {

    private SnakeCase() {
    }

    public static String of(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
