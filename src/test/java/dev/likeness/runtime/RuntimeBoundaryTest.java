package dev.likeness.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code dev.likeness.runtime} runs networks and moves pixels; it knows nothing of faces, sessions
 * or HTTP. Its sources may name no other {@code dev.likeness} package, so the face and liveness
 * code builds on it and never the other way round.
 */
class RuntimeBoundaryTest {

    private static final Path RUNTIME = Path.of("src/main/java/dev/likeness/runtime");
    private static final Pattern OTHER_PACKAGE = Pattern.compile("dev\\.likeness\\.(?!runtime\\b)[a-z]+");

    @Test
    void runtimeNamesNoOtherLikenessPackage() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(RUNTIME)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() > 20, "runtime sources found: " + sources.size());
        List<String> crossings = sources.stream().flatMap(RuntimeBoundaryTest::crossings).toList();
        assertEquals(List.of(), crossings);
    }

    private static Stream<String> crossings(Path source) {
        try {
            String text = Files.readString(source);
            Matcher m = OTHER_PACKAGE.matcher(text);
            return m.results().map(r -> RUNTIME.relativize(source) + ": " + r.group());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
