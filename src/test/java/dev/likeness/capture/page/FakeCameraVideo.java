package dev.likeness.capture.page;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A still photo as a YUV4MPEG2 clip, which Chromium plays as its fake camera
 * ({@code --use-file-for-fake-video-capture}). Frames are BT.601 limited-range I420, the colour
 * space Chromium assumes for captured frames.
 */
final class FakeCameraVideo {

    private FakeCameraVideo() {
    }

    static Path write(byte[] jpeg, Path target, int frames, int fps) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            int width = image.getWidth() & ~1;
            int height = image.getHeight() & ~1;
            byte[] y = new byte[width * height];
            byte[] u = new byte[width * height / 4];
            byte[] v = new byte[width * height / 4];
            for (int row = 0; row < height; row++) {
                for (int col = 0; col < width; col++) {
                    int rgb = image.getRGB(col, row);
                    double r = ((rgb >> 16) & 0xff) / 255.0;
                    double g = ((rgb >> 8) & 0xff) / 255.0;
                    double b = (rgb & 0xff) / 255.0;
                    y[row * width + col] = clamp(16 + 65.481 * r + 128.553 * g + 24.966 * b);
                }
            }
            for (int row = 0; row < height; row += 2) {
                for (int col = 0; col < width; col += 2) {
                    double r = 0;
                    double g = 0;
                    double b = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int rgb = image.getRGB(col + dx, row + dy);
                            r += ((rgb >> 16) & 0xff) / 255.0 / 4;
                            g += ((rgb >> 8) & 0xff) / 255.0 / 4;
                            b += (rgb & 0xff) / 255.0 / 4;
                        }
                    }
                    int i = (row / 2) * (width / 2) + col / 2;
                    u[i] = clamp(128 - 37.797 * r - 74.203 * g + 112.0 * b);
                    v[i] = clamp(128 + 112.0 * r - 93.786 * g - 18.214 * b);
                }
            }
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                out.write(("YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420jpeg\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] frameHeader = "FRAME\n".getBytes(StandardCharsets.US_ASCII);
                for (int f = 0; f < frames; f++) {
                    out.write(frameHeader);
                    out.write(y);
                    out.write(u);
                    out.write(v);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }
}
