package dev.likeness.face.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a TF.js weights manifest and its binary shards into float32 arrays, dequantizing the way
 * tfjs-core's {@code io.decodeWeights} does ({@code value = q * scale + min}, computed in double
 * and stored as float32), so the Java network sees bit-identical weights to face-api's.
 */
final class TfjsWeights {

    private TfjsWeights() {
    }

    /** One decoded tensor in TF.js layout (row-major over {@code shape}). */
    record Tensor(float[] values, int[] shape) {

        int dim(int axis) {
            return shape[axis];
        }
    }

    static Map<String, Tensor> read(Path manifestFile) throws IOException {
        JsonNode groups = new ObjectMapper().readTree(manifestFile.toFile());
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (JsonNode group : groups) {
            ByteBuffer data = ByteBuffer.wrap(concatShards(manifestFile.getParent(), group.get("paths")))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode weight : group.get("weights")) {
                int[] shape = new int[weight.get("shape").size()];
                int size = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = weight.get("shape").get(i).asInt();
                    size *= shape[i];
                }
                tensors.put(weight.get("name").asText(), new Tensor(decode(data, weight, size), shape));
            }
            if (data.hasRemaining()) {
                throw new IOException("weights shard has " + data.remaining() + " unread bytes: " + manifestFile);
            }
        }
        return tensors;
    }

    private static byte[] concatShards(Path dir, JsonNode paths) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonNode path : paths) {
            all.write(Files.readAllBytes(dir.resolve(path.asText())));
        }
        return all.toByteArray();
    }

    private static float[] decode(ByteBuffer data, JsonNode weight, int size) throws IOException {
        float[] values = new float[size];
        JsonNode quantization = weight.get("quantization");
        if (quantization == null) {
            if (!"float32".equals(weight.get("dtype").asText())) {
                throw new IOException("unsupported weight dtype " + weight.get("dtype").asText());
            }
            for (int i = 0; i < size; i++) {
                values[i] = data.getFloat();
            }
            return values;
        }
        double scale = quantization.get("scale").asDouble();
        double min = quantization.get("min").asDouble();
        switch (quantization.get("dtype").asText()) {
            case "uint8" -> {
                for (int i = 0; i < size; i++) {
                    values[i] = (float) ((data.get() & 0xff) * scale + min);
                }
            }
            case "uint16" -> {
                for (int i = 0; i < size; i++) {
                    values[i] = (float) ((data.getShort() & 0xffff) * scale + min);
                }
            }
            default -> throw new IOException("unsupported quantization " + quantization.get("dtype").asText());
        }
        return values;
    }
}
