package dev.likeness.capture.page;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's Chromium, which .ci/run installs. Outside CI a machine without it skips the browser
 * test with a message; in CI its absence fails the test.
 */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    static Path require() {
        Path chromium = Path.of(System.getProperty("likeness.chromium", "/usr/bin/chromium"));
        if (Files.isExecutable(chromium)) {
            return chromium;
        }
        String message = "Chromium not found at " + chromium + " (apt-get install chromium, or -Dlikeness.chromium=<path>)";
        if (inCi()) {
            throw new AssertionError(message + "; CI must run the capture-page browser test");
        }
        Assumptions.abort("Skipping the capture-page browser test: " + message);
        return chromium;
    }

    private static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci) && !"0".equals(ci);
    }
}
