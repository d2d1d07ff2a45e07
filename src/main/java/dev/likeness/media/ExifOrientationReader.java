package dev.likeness.media;

/**
 * Finds the EXIF orientation tag without a full metadata parse: in a JPEG's APP1 segment, a TIFF's
 * first IFD, a WebP's EXIF chunk or a PNG's eXIf chunk. Anything malformed counts as "no tag",
 * because a broken tag must not cost the user their upload.
 */
final class ExifOrientationReader {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientationReader() {
    }

    static Orientation read(byte[] bytes, ImageFormat format) {
        int value = switch (format) {
            case JPEG -> fromJpeg(bytes);
            case TIFF -> fromTiff(bytes, 0, bytes.length);
            case WEBP -> fromWebp(bytes);
            case PNG -> fromPng(bytes);
        };
        return Orientation.fromExif(value);
    }

    private static int fromJpeg(byte[] bytes) {
        return fromJpeg(JpegSegments.scan(bytes), bytes);
    }

    static int fromJpeg(JpegSegments jpeg, byte[] bytes) {
        for (JpegSegments.Segment s : jpeg.segments()) {
            if (jpeg.isExif(s)) {
                return fromTiff(bytes, s.payloadStart() + 6, s.end());
            }
        }
        return 0;
    }

    private static int fromWebp(byte[] b) {
        int riffEnd = (int) Math.min(b.length, 8L + le32(b, 4));
        int i = 12;
        while (i + 8 <= riffEnd) {
            long size = le32(b, i + 4);
            int dataStart = i + 8;
            long dataEnd = dataStart + size;
            if (dataEnd > riffEnd) {
                return 0;
            }
            if (b[i] == 'E' && b[i + 1] == 'X' && b[i + 2] == 'I' && b[i + 3] == 'F') {
                // The WebP spec wants a bare TIFF header here; some writers keep JPEG's "Exif\0\0".
                int start = hasExifPrefix(b, dataStart, (int) dataEnd) ? dataStart + 6 : dataStart;
                return fromTiff(b, start, (int) dataEnd);
            }
            i = (int) (dataEnd + (size & 1));
        }
        return 0;
    }

    private static int fromPng(byte[] b) {
        int i = 8;
        while (i + 12 <= b.length) {
            long length = be32(b, i);
            int dataStart = i + 8;
            long dataEnd = dataStart + length;
            if (dataEnd + 4 > b.length) {
                return 0;
            }
            if (b[i + 4] == 'e' && b[i + 5] == 'X' && b[i + 6] == 'I' && b[i + 7] == 'f') {
                return fromTiff(b, dataStart, (int) dataEnd);
            }
            if (b[i + 4] == 'I' && b[i + 5] == 'E' && b[i + 6] == 'N' && b[i + 7] == 'D') {
                return 0;
            }
            i = (int) dataEnd + 4;
        }
        return 0;
    }

    /** The orientation value in IFD0 of the TIFF structure at {@code [start, end)}, or 0. */
    static int fromTiff(byte[] b, int start, int end) {
        if (start < 0 || end > b.length || end - start < 8) {
            return 0;
        }
        boolean little;
        if (b[start] == 'I' && b[start + 1] == 'I') {
            little = true;
        } else if (b[start] == 'M' && b[start + 1] == 'M') {
            little = false;
        } else {
            return 0;
        }
        if (u16(b, start + 2, little) != 42) {
            return 0;
        }
        long ifd = u32(b, start + 4, little);
        if (ifd < 8 || start + ifd + 2 > end) {
            return 0;
        }
        int dir = (int) (start + ifd);
        int entries = u16(b, dir, little);
        for (int k = 0; k < entries; k++) {
            int e = dir + 2 + 12 * k;
            if (e + 12 > end) {
                return 0;
            }
            if (u16(b, e, little) == ORIENTATION_TAG) {
                int type = u16(b, e + 2, little);
                if (type == 3) { // SHORT, stored left-justified in the value field
                    return u16(b, e + 8, little);
                }
                if (type == 4) { // LONG, tolerated from sloppy writers
                    return (int) Math.min(Integer.MAX_VALUE, u32(b, e + 8, little));
                }
                return 0;
            }
        }
        return 0;
    }

    private static boolean hasExifPrefix(byte[] b, int start, int end) {
        return end - start >= 6 && b[start] == 'E' && b[start + 1] == 'x' && b[start + 2] == 'i'
                && b[start + 3] == 'f' && b[start + 4] == 0 && b[start + 5] == 0;
    }

    private static int u16(byte[] b, int i, boolean little) {
        int b0 = b[i] & 0xFF;
        int b1 = b[i + 1] & 0xFF;
        return little ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    private static long u32(byte[] b, int i, boolean little) {
        long lo = u16(b, little ? i : i + 2, little);
        long hi = u16(b, little ? i + 2 : i, little);
        return hi << 16 | lo;
    }

    private static long le32(byte[] b, int i) {
        return i + 4 > b.length ? 0 : u32(b, i, true);
    }

    private static long be32(byte[] b, int i) {
        return u32(b, i, false);
    }
}
