package dev.likeness.evaluation;

import dev.likeness.media.DecodeLimits;
import dev.likeness.media.ImageDecoder;
import dev.likeness.media.InvalidImageException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the evaluation photos as the service does (its own decoder: EXIF orientation applied,
 * 8-bit RGB), and says where the shared data and the models are.
 */
public final class EvalPhotoReader {

    private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.DEFAULT);

    private EvalPhotoReader() {
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("likeness.shared.dir", "../shared"));
    }

    public static Path modelsDir() {
        return Path.of(System.getProperty("likeness.models.dir", "target/models"));
    }

    public static BufferedImage read(Path file) {
        try {
            return DECODER.decode(Files.readAllBytes(file)).image();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidImageException e) {
            throw new IllegalStateException(file + " does not decode", e);
        }
    }
}
