package dev.likeness.runtime.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a TF.js weights manifest (a graph model's {@code weightsManifest}, or a layers model's
 * {@code *-weights_manifest.json}) from its binary shards, in manifest order, the way tfjs-core's
 * {@code decodeWeights} does: little-endian float32/int32, affine uint8/uint16 quantization
 * ({@code q * scale + min}, computed in double and stored as float32, so a Java network sees
 * bit-identical weights to the JS one) and float16.
 */
public final class WeightsDecoder {

    private WeightsDecoder() {
    }

    /** Reads a weights-manifest file (a JSON array of groups) and the shards it names beside it. */
    public static Map<String, WeightTensor> read(Path manifestFile) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(manifestFile.toFile());
        return read(manifest, manifestFile.toAbsolutePath().getParent());
    }

    /** Decodes the groups of {@code manifest}, reading their shard files from {@code dir}. */
    static Map<String, WeightTensor> read(JsonNode manifest, Path dir) throws IOException {
        List<JsonNode> specs = new ArrayList<>();
        ByteArrayOutputStream shards = new ByteArrayOutputStream();
        for (JsonNode group : manifest) {
            group.path("weights").forEach(specs::add);
            for (JsonNode p : group.path("paths")) {
                shards.write(Files.readAllBytes(dir.resolve(p.asText())));
            }
        }
        try {
            return decode(specs, ByteBuffer.wrap(shards.toByteArray()));
        } catch (IllegalArgumentException e) {
            throw new IOException("weights in " + dir + ": " + e.getMessage(), e);
        }
    }

    static Map<String, WeightTensor> decode(Iterable<JsonNode> specs, ByteBuffer data) {
        ByteBuffer buf = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        for (JsonNode spec : specs) {
            WeightTensor t = decodeOne(spec, buf);
            out.put(t.name(), t);
        }
        if (buf.hasRemaining()) {
            throw new IllegalArgumentException(buf.remaining() + " trailing bytes after the last weight");
        }
        return out;
    }

    private static WeightTensor decodeOne(JsonNode spec, ByteBuffer buf) {
        String name = spec.path("name").asText();
        long[] shape = new long[spec.path("shape").size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = spec.path("shape").get(i).asLong();
            count *= shape[i];
        }
        int n = Math.toIntExact(count);
        String dtype = spec.path("dtype").asText();
        JsonNode quant = spec.path("quantization");
        if (!quant.isMissingNode()) {
            float[] values = dequantize(quant, n, buf, name);
            if (dtype.equals("int32")) {
                int[] ints = new int[n];
                for (int i = 0; i < n; i++) {
                    ints[i] = Math.round(values[i]);
                }
                return new WeightTensor(name, shape, null, ints);
            }
            return new WeightTensor(name, shape, values, null);
        }
        switch (dtype) {
            case "float32" -> {
                float[] values = new float[n];
                buf.asFloatBuffer().get(values);
                buf.position(buf.position() + 4 * n);
                return new WeightTensor(name, shape, values, null);
            }
            case "int32" -> {
                int[] values = new int[n];
                buf.asIntBuffer().get(values);
                buf.position(buf.position() + 4 * n);
                return new WeightTensor(name, shape, null, values);
            }
            case "bool" -> {
                int[] values = new int[n];
                for (int i = 0; i < n; i++) {
                    values[i] = buf.get() != 0 ? 1 : 0;
                }
                return new WeightTensor(name, shape, null, values);
            }
            default -> throw new IllegalArgumentException("weight " + name + " has unsupported dtype " + dtype);
        }
    }

    private static float[] dequantize(JsonNode quant, int n, ByteBuffer buf, String name) {
        String qtype = quant.path("dtype").asText();
        float[] values = new float[n];
        switch (qtype) {
            case "uint8" -> {
                double scale = quant.path("scale").asDouble();
                double min = quant.path("min").asDouble();
                for (int i = 0; i < n; i++) {
                    values[i] = (float) ((buf.get() & 0xff) * scale + min);
                }
            }
            case "uint16" -> {
                double scale = quant.path("scale").asDouble();
                double min = quant.path("min").asDouble();
                for (int i = 0; i < n; i++) {
                    values[i] = (float) ((buf.getShort() & 0xffff) * scale + min);
                }
            }
            case "float16" -> {
                for (int i = 0; i < n; i++) {
                    values[i] = halfToFloat(buf.getShort());
                }
            }
            default -> throw new IllegalArgumentException("weight " + name + " has unsupported quantization " + qtype);
        }
        return values;
    }

    /** IEEE 754 binary16 to binary32 (exact); {@code Float.float16ToFloat} needs Java 20. */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            float sub = mant * 0x1p-24f;
            return sign == 0 ? sub : -sub;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
