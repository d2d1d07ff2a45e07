package dev.likeness.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared evaluation photos (never committed); surefire points {@code likeness.shared.dir} at them. */
final class EvalImages {

    private EvalImages() {
    }

    static Path root() {
        Path eval = Path.of(System.getProperty("likeness.shared.dir", "../shared")).resolve("eval");
        if (!Files.isDirectory(eval.resolve("faces"))) {
            throw new IllegalStateException("evaluation photos not found at " + eval.toAbsolutePath());
        }
        return eval;
    }

    static List<Path> all() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(root().resolve("faces")), Files.walk(root().resolve("spoof")))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png|webp|tiff?)$"))
                    .sorted()
                    .toList();
        }
    }

    static byte[] read(String relative) throws IOException {
        return Files.readAllBytes(root().resolve(relative));
    }
}
