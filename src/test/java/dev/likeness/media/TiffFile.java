package dev.likeness.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.imageio.ImageIO;

/** An uncompressed little-endian RGB TIFF, one strip, with an orientation tag: built by hand for exact control. */
final class TiffFile {

    private TiffFile() {
    }

    static byte[] rgb(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[][] entries = {
            {256, 4, 1, w}, // ImageWidth
            {257, 4, 1, h}, // ImageLength
            {258, 3, 3, -1}, // BitsPerSample -> offset filled below
            {259, 3, 1, 1}, // no compression
            {262, 3, 1, 2}, // RGB
            {273, 4, 1, -2}, // StripOffsets -> filled below
            {274, 3, 1, orientation},
            {277, 3, 1, 3}, // SamplesPerPixel
            {278, 4, 1, h}, // RowsPerStrip
            {279, 4, 1, w * h * 3}, // StripByteCounts
            {284, 3, 1, 1}, // chunky
        };
        int ifdSize = 2 + entries.length * 12 + 4;
        int bitsOffset = 8 + ifdSize;
        int pixelsOffset = bitsOffset + 6;
        ByteBuffer b = ByteBuffer.allocate(pixelsOffset + w * h * 3).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) entries.length);
        for (int[] e : entries) {
            int value = e[3] == -1 ? bitsOffset : e[3] == -2 ? pixelsOffset : e[3];
            b.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]);
            if (e[1] == 3 && e[2] == 1) {
                b.putShort((short) value).putShort((short) 0);
            } else {
                b.putInt(value);
            }
        }
        b.putInt(0);
        b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                b.put((byte) (rgb >> 16)).put((byte) (rgb >> 8)).put((byte) rgb);
            }
        }
        return b.array();
    }

    /** Whatever ImageIO's first TIFF writer produces (TwelveMonkeys or the JDK's). */
    static byte[] withAnyWriter(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "tiff", out)) {
            throw new IllegalStateException("no TIFF writer");
        }
        return out.toByteArray();
    }
}
