package dev.likeness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedDataConditionTest {

    @TempDir
    Path tmp;

    @Test
    void presentDataRunsTheTest() throws Exception {
        Files.createDirectories(tmp.resolve("eval"));
        Files.createDirectories(tmp.resolve("models/minifasnet"));
        assertFalse(SharedDataCondition.evaluate(tmp, null).isDisabled());
        assertFalse(SharedDataCondition.evaluate(tmp, "true").isDisabled());
    }

    @Test
    void missingDataSkipsOutsideCiNamingThePath() {
        ConditionEvaluationResult result = SharedDataCondition.evaluate(tmp.resolve("absent"), null);
        assertTrue(result.isDisabled());
        String reason = result.getReason().orElseThrow();
        assertTrue(reason.contains(tmp.resolve("absent").resolve("eval").toString()), reason);
        assertTrue(reason.contains("Test data"), reason);
        assertTrue(SharedDataCondition.evaluate(tmp.resolve("absent"), "false").isDisabled());
    }

    @Test
    void missingDataFailsInCi() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SharedDataCondition.evaluate(tmp.resolve("absent"), "true"));
        assertTrue(e.getMessage().startsWith("CI=true"), e.getMessage());
    }
}
