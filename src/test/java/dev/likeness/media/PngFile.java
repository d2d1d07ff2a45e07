package dev.likeness.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes PNGs byte by byte, so tests control colour type, bit depth and chunks exactly, and can
 * stream rows into the compressor without ever holding the whole image.
 */
final class PngFile {

    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;

    /** Fills {@code row} (without the filter byte) with the samples of row {@code y}. */
    interface Rows {
        void fill(int y, byte[] row);
    }

    record Chunk(String type, byte[] data) {
    }

    private PngFile() {
    }

    static int channels(int colourType) {
        return switch (colourType) {
            case GREY, PALETTE -> 1;
            case GREY_ALPHA -> 2;
            case RGB -> 3;
            case RGBA -> 4;
            default -> throw new IllegalArgumentException("colour type " + colourType);
        };
    }

    static byte[] write(int width, int height, int bitDepth, int colourType, Rows rows, Chunk... beforeData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = (byte) bitDepth;
        header[9] = (byte) colourType;
        chunk(out, "IHDR", header);
        for (Chunk c : beforeData) {
            chunk(out, c.type(), c.data());
        }
        int rowBytes = (int) (((long) width * channels(colourType) * bitDepth + 7) / 8);
        byte[] row = new byte[rowBytes];
        byte[] filtered = new byte[rowBytes + 1];
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int y = 0; y < height; y++) {
            rows.fill(y, row);
            System.arraycopy(row, 0, filtered, 1, rowBytes); // filter type 0
            deflater.setInput(filtered);
            while (!deflater.needsInput()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
