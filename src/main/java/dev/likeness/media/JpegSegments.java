package dev.likeness.media;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The marker segments of a JPEG up to its first scan: enough to find EXIF, the embedded colour
 * profile and the frame's component count without decoding. Malformed structure simply ends the
 * walk; the decoder proper reports the damage.
 */
final class JpegSegments {

    static final int SOS = 0xDA;
    static final int EOI = 0xD9;
    static final int APP1 = 0xE1;
    static final int APP2 = 0xE2;
    static final int APP14 = 0xEE;

    /** One segment: its marker, where its 0xFF starts, and its total length including marker and length field. */
    record Segment(int marker, int start, int length) {

        int payloadStart() {
            return start + 4;
        }

        int end() {
            return start + length;
        }

        boolean isStartOfFrame() {
            // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
            return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        }
    }

    private final byte[] bytes;
    private final List<Segment> segments;

    private JpegSegments(byte[] bytes, List<Segment> segments) {
        this.bytes = bytes;
        this.segments = segments;
    }

    static JpegSegments scan(byte[] b) {
        List<Segment> found = new ArrayList<>();
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                break;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == SOS || marker == EOI) {
                break;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                i += 2; // standalone marker, no length
                continue;
            }
            int length = 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
            if (length < 4 || i + length > b.length) {
                break;
            }
            found.add(new Segment(marker, i, length));
            i += length;
        }
        return new JpegSegments(b, found);
    }

    byte[] bytes() {
        return bytes;
    }

    List<Segment> segments() {
        return segments;
    }

    /** Components in the first frame header, or 0 when the header was not reached. */
    int componentCount() {
        for (Segment s : segments) {
            if (s.isStartOfFrame() && s.length() >= 10) {
                return bytes[s.payloadStart() + 5] & 0xFF;
            }
        }
        return 0;
    }

    boolean isExif(Segment s) {
        return s.marker() == APP1 && startsWith(s, "Exif\0\0");
    }

    boolean isIccProfile(Segment s) {
        return s.marker() == APP2 && startsWith(s, "ICC_PROFILE\0");
    }

    /** A copy of the file with the given segments left out. */
    byte[] without(List<Segment> drop) {
        if (drop.isEmpty()) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int from = 0;
        for (Segment s : drop) {
            out.write(bytes, from, s.start() - from);
            from = s.end();
        }
        out.write(bytes, from, bytes.length - from);
        return out.toByteArray();
    }

    private boolean startsWith(Segment s, String id) {
        int p = s.payloadStart();
        if (s.end() - p < id.length()) {
            return false;
        }
        for (int k = 0; k < id.length(); k++) {
            if (bytes[p + k] != (byte) id.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
