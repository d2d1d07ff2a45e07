package dev.likeness.media;

import java.nio.charset.StandardCharsets;

/**
 * Names the format of uploaded bytes from their magic numbers. File names and declared content
 * types are ignored: clients get them wrong and attackers choose them.
 */
public final class FormatDetector {

    private static final String ACCEPTED = "Accepted formats: JPEG, PNG, WebP, TIFF.";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private FormatDetector() {
    }

    /** The accepted format the bytes are in, or a refusal that says what they look like instead. */
    public static ImageFormat detect(byte[] bytes) throws InvalidImageException {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidImageException(InvalidImageException.Reason.EMPTY, "The image is empty (0 bytes).");
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return ImageFormat.JPEG;
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return ImageFormat.PNG;
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return ImageFormat.WEBP;
        }
        if (startsWith(bytes, 0, 'I', 'I', 42, 0) || startsWith(bytes, 0, 'M', 'M', 0, 42)) {
            return ImageFormat.TIFF;
        }
        throw new InvalidImageException(InvalidImageException.Reason.UNSUPPORTED_FORMAT, describe(bytes) + " " + ACCEPTED);
    }

    private static String describe(byte[] b) {
        if (ascii(b, 0, "%PDF")) {
            return "The file is a PDF document, not an image.";
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return "GIF images are not accepted.";
        }
        if (ascii(b, 4, "ftyp")) {
            String brand = b.length >= 12 ? new String(b, 8, 4, StandardCharsets.ISO_8859_1) : "";
            if (brand.startsWith("avi")) {
                return "AVIF images are not accepted.";
            }
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return "HEIC/HEIF images are not accepted; export the photo as JPEG.";
            }
            return "The file is a video or ISO media file, not an image.";
        }
        if (ascii(b, 0, "BM") && b.length > 14) {
            return "BMP images are not accepted.";
        }
        if (startsWith(b, 0, 'I', 'I', 43, 0) || startsWith(b, 0, 'M', 'M', 0, 43)) {
            return "BigTIFF images are not accepted.";
        }
        if (startsWith(b, 0, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ') || startsWith(b, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
            return "JPEG 2000 images are not accepted.";
        }
        if (startsWith(b, 0, 0xFF, 0x0A) || startsWith(b, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
            return "JPEG XL images are not accepted.";
        }
        if (ascii(b, 0, "RIFF")) {
            return "The file is a RIFF container (audio or video), not a WebP image.";
        }
        if (startsWith(b, 0, 'P', 'K', 3, 4)) {
            return "The file is a ZIP archive, not an image.";
        }
        if (looksLikeText(b)) {
            String head = new String(b, 0, Math.min(b.length, 16), StandardCharsets.ISO_8859_1).strip();
            if (head.startsWith("/9j/") || head.startsWith("iVBORw0KGgo") || head.startsWith("data:image/")) {
                // The client Base64-encoded the file into a field that expects raw bytes.
                return "The file is Base64 text; send the raw image bytes.";
            }
            if (head.startsWith("<")) {
                return "The file is markup (SVG, HTML or XML), not a raster image.";
            }
            return "The file is text, not an image.";
        }
        return "The file is not a recognised image.";
    }

    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            boolean printable = c >= 0x20 && c != 0x7F || c == '\n' || c == '\r' || c == '\t' || c >= 0x80;
            if (!printable) {
                return false;
            }
        }
        // High bytes are allowed for UTF-8 text; random binary almost always has a control byte in 512.
        return true;
    }

    private static boolean ascii(byte[] b, int offset, String s) {
        if (b.length < offset + s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[offset + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != (expected[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int offset, byte[] expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
