package dev.likeness.common;

import java.util.Locale;

/**
 * When two {@code vendor_data} values are the same user: equal once ASCII whitespace is trimmed and
 * letters are lower-cased ({@code USER-1} and {@code " user-1"} are one user). The rule exists twice
 * by necessity, in Java and in SQL (app_user.vendor_data_key is generated from it), so both live here.
 */
public final class VendorDataKey {

    private static final String TRIMMED = " \t\n\r\f\u000B";

    private VendorDataKey() {
    }

    /** The key of a value; null for null or all-whitespace. */
    public static String of(String vendorData) {
        if (vendorData == null) {
            return null;
        }
        int start = 0;
        int end = vendorData.length();
        while (start < end && TRIMMED.indexOf(vendorData.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRIMMED.indexOf(vendorData.charAt(end - 1)) >= 0) {
            end--;
        }
        return start == end ? null : vendorData.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** The same rule as a PostgreSQL expression over {@code column} (any SQL expression). */
    public static String sql(String column) {
        return "lower(btrim(" + column + ", E' \\t\\n\\r\\f\\v'))";
    }
}
