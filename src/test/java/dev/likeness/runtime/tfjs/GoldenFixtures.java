package dev.likeness.runtime.tfjs;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the fixtures written by src/test/tfjs/make-goldens.mjs, and regenerates their inputs. */
final class GoldenFixtures {

    private GoldenFixtures() {
    }

    static Path root() {
        URL url = GoldenFixtures.class.getClassLoader().getResource("tfjs-golden");
        if (url == null) {
            throw new IllegalStateException("tfjs-golden fixtures are not on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generator's mulberry32 stream mapped to [low, high), rounded to float32 like a Float32Array. */
    static float[] mulberry32(int seed, int count, double low, double high) {
        float[] out = new float[count];
        int a = seed;
        for (int i = 0; i < count; i++) {
            a += 0x6D2B79F5;
            int t = a;
            t = (t ^ (t >>> 15)) * (t | 1);
            t ^= t + (t ^ (t >>> 7)) * (t | 61);
            double u = ((t ^ (t >>> 14)) & 0xffffffffL) / 4294967296.0;
            out[i] = (float) (low + (high - low) * u);
        }
        return out;
    }

    static float maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("length " + a.length + " != " + b.length);
        }
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            float d = Math.abs(a[i] - b[i]);
            if (Float.isNaN(d)) {
                return Float.NaN;
            }
            max = Math.max(max, d);
        }
        return max;
    }

    static float maxAbs(float[] a) {
        float max = 0;
        for (float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
