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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A still photo, or a sequence of frames, as a YUV4MPEG2 clip, which Chromium plays (and loops) as
 * its fake camera ({@code --use-file-for-fake-video-capture}). Frames are BT.601 limited-range
 * I420, the colour space Chromium assumes for captured frames.
 */
final class FakeCameraVideo {

    private FakeCameraVideo() {
    }

    static Path write(byte[] jpeg, Path target, int frames, int fps) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            return write(Collections.nCopies(frames, image), target, fps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frames in order, all of the first frame's size; the same image repeated is converted once. */
    static Path write(List<BufferedImage> frames, Path target, int fps) {
        int width = frames.get(0).getWidth() & ~1;
        int height = frames.get(0).getHeight() & ~1;
        Map<BufferedImage, byte[]> converted = new IdentityHashMap<>();
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                out.write(("YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420jpeg\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] frameHeader = "FRAME\n".getBytes(StandardCharsets.US_ASCII);
                for (BufferedImage frame : frames) {
                    out.write(frameHeader);
                    out.write(converted.computeIfAbsent(frame, f -> i420(f, width, height)));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] i420(BufferedImage image, int width, int height) {
        byte[] yuv = new byte[width * height * 3 / 2];
        int uOffset = width * height;
        int vOffset = uOffset + width * height / 4;
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                int rgb = image.getRGB(col, row);
                double r = ((rgb >> 16) & 0xff) / 255.0;
                double g = ((rgb >> 8) & 0xff) / 255.0;
                double b = (rgb & 0xff) / 255.0;
                yuv[row * width + col] = clamp(16 + 65.481 * r + 128.553 * g + 24.966 * b);
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
                yuv[uOffset + i] = clamp(128 - 37.797 * r - 74.203 * g + 112.0 * b);
                yuv[vOffset + i] = clamp(128 + 112.0 * r - 93.786 * g - 18.214 * b);
            }
        }
        return yuv;
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }
}
