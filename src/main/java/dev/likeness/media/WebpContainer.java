package dev.likeness.media;

/**
 * The RIFF wrapper of a WebP file. A lossless bitstream cut short decodes "successfully" in
 * TwelveMonkeys (the bit reader runs on into zeros), so completeness is checked against the
 * sizes the container declares.
 */
final class WebpContainer {

    private WebpContainer() {
    }

    static void requireComplete(byte[] b) throws InvalidImageException {
        long declared = 8 + le32(b, 4);
        if (b.length < declared) {
            throw truncated();
        }
        int i = 12;
        while (i + 8 <= declared) {
            long size = le32(b, i + 4);
            long next = i + 8 + size + (size & 1);
            // The last chunk's padding byte is often left off; the data itself must be there.
            if (i + 8 + size > declared) {
                throw truncated();
            }
            i = (int) Math.min(next, declared);
        }
    }

    private static InvalidImageException truncated() {
        return new InvalidImageException(InvalidImageException.Reason.TRUNCATED,
                "The WebP image is truncated: the file ends before the picture does.");
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }
}
