package dev.likeness.capture.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node side of the browser test: copies src/test/browser into target/, installs its pinned
 * dependencies there with npm (once; node_modules is kept between runs) and runs the script.
 */
final class BrowserScript {

    private static final Path SOURCE = Path.of("src/test/browser");
    private static final List<String> FILES = List.of("package.json", ".npmrc", "capture-page.mjs");

    private final Path workDir;

    BrowserScript(Path workDir) {
        this.workDir = workDir;
    }

    void install() {
        try {
            Files.createDirectories(workDir);
            boolean changed = false;
            for (String file : FILES) {
                Path target = workDir.resolve(file);
                byte[] source = Files.readAllBytes(SOURCE.resolve(file));
                if (!Files.exists(target) || !java.util.Arrays.equals(source, Files.readAllBytes(target))) {
                    Files.copy(SOURCE.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                    changed |= file.equals("package.json");
                }
            }
            if (changed || !Files.exists(workDir.resolve("node_modules/playwright-core/package.json"))) {
                run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 240);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void run(Path config) {
        run(List.of("node", "capture-page.mjs", config.toAbsolutePath().toString()), 240);
    }

    private void run(List<String> command, int timeoutSeconds) {
        try {
            Path log = workDir.resolve("last-" + command.get(0) + ".log");
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
