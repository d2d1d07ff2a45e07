package dev.likeness.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lossless WebP (VP8L) written by hand: there is no WebP writer in the JDK or TwelveMonkeys and
 * none on this machine. Each channel gets a "simple" prefix code of one or two symbols, so a
 * pixel costs two bits (green and red choose between 0 and 255; blue and alpha are constant)
 * and the image can hold four colours: enough for the orientation pattern.
 */
final class WebpFile {

    static final int BLUE = 0x40;

    /** Whether the pixel at (x, y) has red = 255 and green = 255. */
    interface FourColours {
        boolean red(int x, int y);

        boolean green(int x, int y);
    }

    private WebpFile() {
    }

    static byte[] lossless(int width, int height, FourColours pixels) {
        return riff(chunk("VP8L", vp8l(width, height, pixels)));
    }

    /** The extended layout (VP8X header) with an EXIF chunk carrying an orientation. */
    static byte[] losslessWithExif(int width, int height, FourColours pixels, byte[] exif) {
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08; // EXIF present
        put24(vp8x, 4, width - 1);
        put24(vp8x, 7, height - 1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(chunk("VP8X", vp8x));
        body.writeBytes(chunk("VP8L", vp8l(width, height, pixels)));
        body.writeBytes(chunk("EXIF", exif));
        return riff(body.toByteArray());
    }

    private static byte[] vp8l(int width, int height, FourColours pixels) {
        Bits b = new Bits();
        b.put(0x2F, 8);
        b.put(width - 1, 14);
        b.put(height - 1, 14);
        b.put(0, 1); // alpha not used
        b.put(0, 3); // version
        b.put(0, 1); // no transform
        b.put(0, 1); // no colour cache
        b.put(0, 1); // one prefix-code group
        twoSymbols(b, 0, 255); // green
        twoSymbols(b, 0, 255); // red
        oneSymbol(b, BLUE); // blue
        oneSymbol(b, 255); // alpha
        oneSymbol(b, 0); // distance (never used)
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                b.put(pixels.green(x, y) ? 1 : 0, 1);
                b.put(pixels.red(x, y) ? 1 : 0, 1);
            }
        }
        return b.bytes();
    }

    private static void twoSymbols(Bits b, int first, int second) {
        b.put(1, 1); // simple code
        b.put(1, 1); // two symbols
        b.put(1, 1); // first symbol has 8 bits
        b.put(first, 8);
        b.put(second, 8);
    }

    private static void oneSymbol(Bits b, int symbol) {
        b.put(1, 1);
        b.put(0, 1);
        b.put(1, 1);
        b.put(symbol, 8);
    }

    private static byte[] riff(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(4 + body.length));
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(data.length));
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static void put24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
    }

    /** VP8L packs bits least significant first. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void put(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >>> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
            }
            return out.toByteArray();
        }
    }
}
