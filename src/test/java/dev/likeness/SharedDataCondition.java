package dev.likeness;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Decides {@link NeedsSharedData}: run when ../shared is there, skip outside CI, fail in CI. */
public class SharedDataCondition implements ExecutionCondition {

    /** What the tests read from the shared directory. */
    static final List<String> REQUIRED = List.of("eval", "models/minifasnet");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(sharedDir(), System.getenv("CI"));
    }

    static ConditionEvaluationResult evaluate(Path shared, String ci) {
        String missing = missing(shared);
        if (missing == null) {
            return ConditionEvaluationResult.enabled("shared test data present in " + shared);
        }
        if ("true".equalsIgnoreCase(ci)) {
            throw new IllegalStateException("CI=true but " + missing
                    + "; CI must provide the shared test data (README, \"Test data\").");
        }
        return ConditionEvaluationResult.disabled("Skipped: " + missing
                + ". Put the evaluation photos and MiniFASNet weights there (README, \"Test data\") or set -Dlikeness.shared.dir.");
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("likeness.shared.dir", "../shared")).toAbsolutePath().normalize();
    }

    /** What is missing, or null when everything is there. */
    static String missing(Path shared) {
        for (String part : REQUIRED) {
            if (!Files.isDirectory(shared.resolve(part))) {
                return "the shared test data directory " + shared.resolve(part) + " does not exist";
            }
        }
        return null;
    }
}
