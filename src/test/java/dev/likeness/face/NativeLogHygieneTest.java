package dev.likeness.face;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.likeness.runtime.TorchModels;

/**
 * PyTorch's native warnings go to the process's stderr, out of reach of Java logging, so a child
 * JVM runs convolutions the way the service does and its stderr is read. On CPUs without NNPACK
 * support PyTorch would print "Could not initialize NNPACK!" before every convolution.
 */
class NativeLogHygieneTest {

    @Test
    void convolutionsWriteNothingToStderr() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
        assertEquals(0, child.exitValue(), stderr);
        assertFalse(stderr.contains("NNPACK"), "native NNPACK warnings on stderr:\n" + head(stderr));
        assertFalse(stderr.contains("CUDA"), "native CUDA warnings on stderr:\n" + head(stderr));
    }

    private static String head(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    /** Runs in the child JVM. */
    public static final class Probe {

        public static void main(String[] args) throws IOException {
            try (Model model = TorchModels.newModel("probe"); NDManager manager = model.getNDManager().newSubManager()) {
                NDArray input = manager.randomUniform(0, 1, new Shape(1, 3, 64, 64));
                NDArray filter = manager.randomUniform(-1, 1, new Shape(8, 3, 3, 3));
                for (int i = 0; i < 10; i++) {
                    Conv2d.conv2d(input, filter, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).close();
                }
            }
        }
    }
}
