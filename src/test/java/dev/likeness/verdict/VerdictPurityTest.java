package dev.likeness.verdict;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dev.likeness.verdict} turns measurements and settings into warnings and statuses with pure
 * functions: it names no framework, no model and no other capability than the values it judges, so
 * its rules are tested without a database or a model.
 */
class VerdictPurityTest {

    private static final Path VERDICT = Path.of("src/main/java/dev/likeness/verdict");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+);");
    private static final Set<String> ALLOWED = Set.of("dev.likeness.risk.", "dev.likeness.face.FaceQuality",
            "dev.likeness.workflow.LivenessSettings", "java.util.", "com.fasterxml.jackson.annotation.JsonValue");

    @Test
    void verdictImportsOnlyTheValuesItJudges() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(VERDICT)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() >= 6, "verdict sources found: " + sources.size());
        List<String> foreign = sources.stream().flatMap(VerdictPurityTest::foreignImports).toList();
        assertEquals(List.of(), foreign);
    }

    private static Stream<String> foreignImports(Path source) {
        try {
            Matcher m = IMPORT.matcher(Files.readString(source));
            return m.results().map(r -> r.group(1)).filter(i -> ALLOWED.stream().noneMatch(i::startsWith))
                    .map(i -> VERDICT.relativize(source) + ": " + i);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
