package dev.likeness.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host written as an IPv4 number the way the C library's {@code inet_aton} reads it: one to four
 * parts, each decimal, octal (leading 0) or hexadecimal (0x), the last part filling the remaining
 * bytes. {@code 0x7f000001}, {@code 2130706433}, {@code 0177.0.0.1} and {@code 127.1} all mean
 * 127.0.0.1 there, while Java reads some of them differently (0177 as decimal 177) or not at all,
 * so the policy checks this reading too: any client or proxy on the way may use it.
 */
final class NumericIpv4 {

    private static final Pattern PART = Pattern.compile("0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*");

    private NumericIpv4() {
    }

    static Optional<InetAddress> parse(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (!PART.matcher(part).matches() || part.length() > 34) {
                return Optional.empty();
            }
            try {
                if (part.startsWith("0x") || part.startsWith("0X")) {
                    values[i] = part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
                } else if (part.startsWith("0") && part.length() > 1) {
                    values[i] = Long.parseLong(part.substring(1), 8);
                } else {
                    values[i] = Long.parseLong(part);
                }
            } catch (NumberFormatException e) {
                return Optional.empty(); // longer than any address: not a number a resolver would take
            }
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xff) {
                return Optional.empty();
            }
            address = (address << 8) | values[i];
        }
        int restBytes = 4 - (values.length - 1);
        long last = values[values.length - 1];
        if (last >= (1L << (8 * restBytes))) {
            return Optional.empty();
        }
        address = (address << (8 * restBytes)) | last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
