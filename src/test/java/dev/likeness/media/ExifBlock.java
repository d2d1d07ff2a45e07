package dev.likeness.media;

import java.io.ByteArrayOutputStream;

/** A minimal EXIF (TIFF) structure holding only the orientation tag, in either byte order. */
final class ExifBlock {

    private ExifBlock() {
    }

    static byte[] orientation(int value, boolean littleEndian) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        if (littleEndian) {
            t.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
            t.writeBytes(new byte[] {1, 0}); // one entry
            t.writeBytes(new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) value, 0, 0, 0});
            t.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
        } else {
            t.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
            t.writeBytes(new byte[] {0, 1});
            t.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) value, 0, 0});
            t.writeBytes(new byte[] {0, 0, 0, 0});
        }
        return t.toByteArray();
    }
}
