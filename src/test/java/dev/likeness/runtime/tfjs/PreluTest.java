package dev.likeness.runtime.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * PReLU takes {@code max(x, alpha * x)} when every alpha is at most 1 (22 of FaceMesh's 28 layers)
 * and the comparison and select otherwise (the other 6); both must give {@code x < 0 ? alpha * x : x} to the bit.
 */
class PreluTest {

    private static final int CHANNELS = 5;

    @Test
    void maximumFormIsExactWhenEveryAlphaIsAtMostOne() {
        float[] alpha = {-0.5f, 0f, 0.25f, 0.999f, 1f};
        assertTrue(new WeightTensor("alpha", new long[] {CHANNELS}, alpha, null).floatsAtMost(1f));
        float[] x = sample();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray input = manager.create(x, new Shape(2, 3, 4, CHANNELS));
            NDArray a = manager.create(alpha, new Shape(CHANNELS));
            float[] expected = reference(x, alpha);
            assertArrayEquals(expected, Activation.prelu(input, a, true).toFloatArray());
            assertArrayEquals(expected, Activation.prelu(input, a, false).toFloatArray());
        }
    }

    @Test
    void selectFormServesAlphasAboveOne() {
        float[] alpha = {0.5f, 1.5f, 3f, -2f, 1f};
        assertFalse(new WeightTensor("alpha", new long[] {CHANNELS}, alpha, null).floatsAtMost(1f));
        float[] x = sample();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray input = manager.create(x, new Shape(2, 3, 4, CHANNELS));
            NDArray a = manager.create(alpha, new Shape(CHANNELS));
            assertArrayEquals(reference(x, alpha), Activation.prelu(input, a, false).toFloatArray());
        }
    }

    private static float[] sample() {
        Random random = new Random(7);
        float[] x = new float[2 * 3 * 4 * CHANNELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 10);
        }
        return x;
    }

    private static float[] reference(float[] x, float[] alpha) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float a = alpha[i % CHANNELS];
            out[i] = x[i] < 0 ? a * x[i] : x[i];
        }
        return out;
    }
}
