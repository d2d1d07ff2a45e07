package dev.likeness.webhook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double (closest
 * one when several are that short), fixed notation for decimal exponents in (-4, 16], otherwise
 * {@code 1e-07} / {@code 1.5e+16} style. Java's {@code Double.toString} before JDK 19 is not always
 * shortest and never formats like this, so receivers re-serialising with Python would disagree.
 */
final class PythonFloat {

    private PythonFloat() {
    }

    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale();
        String body = decpt <= -4 || decpt > 16 ? exponent(digits, decpt) : fixed(digits, decpt);
        return value < 0 ? "-" + body : body;
    }

    private static BigDecimal shortest(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
            boolean downFits = readsBack(down, magnitude);
            boolean upFits = readsBack(up, magnitude);
            if (downFits && upFits) {
                int closer = exact.subtract(down).compareTo(up.subtract(exact));
                return closer < 0 ? down : closer > 0 ? up : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            }
            if (downFits) {
                return down;
            }
            if (upFits) {
                return up;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static boolean readsBack(BigDecimal candidate, double magnitude) {
        return Double.parseDouble(candidate.toString()) == magnitude;
    }

    private static String exponent(String digits, int decpt) {
        StringBuilder out = new StringBuilder(digits.length() + 6);
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        int exp = decpt - 1;
        out.append('e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }

    private static String fixed(String digits, int decpt) {
        if (decpt <= 0) {
            return "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= digits.length()) {
            return digits + "0".repeat(decpt - digits.length()) + ".0";
        }
        return digits.substring(0, decpt) + "." + digits.substring(decpt);
    }
}
