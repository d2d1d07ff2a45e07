package dev.likeness.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string held U+0000, which PostgreSQL text and jsonb cannot store. Raised while the body is
 * read, so nothing is stored and no model runs; answered as a 400 on the request field it came in.
 */
public class NullCharacterException extends MismatchedInputException {

    /** DRF's wording for the same refusal. */
    public static final String MESSAGE = "Null characters are not allowed.";

    public NullCharacterException(JsonParser parser) {
        super(parser, MESSAGE, String.class);
    }

    public static boolean present(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }
}
