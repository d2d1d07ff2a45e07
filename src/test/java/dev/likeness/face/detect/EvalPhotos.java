package dev.likeness.face.detect;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared evaluation photos (never committed; read from likeness.shared.dir at run time). */
public final class EvalPhotos {

    private EvalPhotos() {
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("likeness.shared.dir", "../shared"));
    }

    public static Path modelsDir() {
        return Path.of(System.getProperty("likeness.models.dir", "target/models"));
    }

    public static List<Path> faces() {
        try (Stream<Path> files = Files.list(sharedDir().resolve("eval/faces"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Image load(Path file) {
        try {
            return ImageFactory.getInstance().fromFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
