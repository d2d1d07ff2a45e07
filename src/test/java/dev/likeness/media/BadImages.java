package dev.likeness.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;

/** Inputs the API tests send to prove bad uploads are refused, built at run time (nothing binary is committed). */
public final class BadImages {

    private BadImages() {
    }

    /** A 20000 × 20000 PNG that compresses to about a megabyte. */
    public static byte[] decompressionBomb() {
        return PngFile.write(20_000, 20_000, 8, PngFile.RGB, (y, row) -> { });
    }

    /** The first half of a real JPEG. */
    public static byte[] truncated(byte[] jpeg) {
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    /** Random bytes larger than the 5 MB upload limit. */
    public static byte[] oversized() {
        byte[] bytes = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        return bytes;
    }

    /** A well-formed JPEG of one uniform colour: decodes fine, but holds nothing to analyse. */
    public static byte[] blank(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        try {
            return JpegFile.write(image, 0.9f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A well-formed photo of an empty grey wall with a blue square: no face in it. */
    public static byte[] noFace() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(150, 150, 150));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(40, 60, 160));
        g.fillRect(200, 150, 180, 140);
        g.dispose();
        try {
            return JpegFile.write(image, 0.9f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
