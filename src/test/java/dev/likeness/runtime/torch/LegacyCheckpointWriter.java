package dev.likeness.runtime.torch;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small legacy torch.save files the way torch 1.x did (same pickle layout as the upstream
 * files), so layouts the published weights do not exercise (strides, offsets, views, sharing)
 * can be checked without Python or torch.
 */
final class LegacyCheckpointWriter {

    /** One state-dict entry; {@code view} is null or {offset, length} into the storage. */
    record Entry(String name, String storageKey, long offset, long[] shape, long[] stride, long[] view) {
    }

    private final Map<String, float[]> floatStorages = new LinkedHashMap<>();
    private final Map<String, long[]> longStorages = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    LegacyCheckpointWriter floatStorage(String key, float... data) {
        floatStorages.put(key, data);
        return this;
    }

    LegacyCheckpointWriter longStorage(String key, long... data) {
        longStorages.put(key, data);
        return this;
    }

    LegacyCheckpointWriter tensor(String name, String storageKey, long offset, long[] shape, long[] stride) {
        return viewTensor(name, storageKey, null, offset, shape, stride);
    }

    LegacyCheckpointWriter viewTensor(String name, String storageKey, long[] view, long offset, long[] shape,
            long[] stride) {
        entries.add(new Entry(name, storageKey, offset, shape, stride, view));
        return this;
    }

    byte[] write() {
        // Magic number 0x1950a86a20f9469cfc6c as LONG1, little-endian.
        byte[] magic = new BigInteger("1950a86a20f9469cfc6c", 16).toByteArray();
        proto();
        op(0x8a);
        op(magic.length);
        for (int i = magic.length - 1; i >= 0; i--) {
            op(magic[i]);
        }
        stop();

        proto();
        integer(1001);
        stop();

        proto();
        op('}');
        op('(');
        string("protocol_version");
        integer(1001);
        string("little_endian");
        op(0x88);
        op('u');
        stop();

        proto();
        global("collections", "OrderedDict");
        op(')');
        op('R');
        op('(');
        for (Entry entry : entries) {
            string(entry.name());
            global("torch._utils", "_rebuild_tensor_v2");
            op('(');
            op('(');
            string("storage");
            boolean isFloat = floatStorages.containsKey(entry.storageKey());
            global("torch", isFloat ? "FloatStorage" : "LongStorage");
            string(entry.storageKey());
            string("cpu");
            integer(isFloat ? floatStorages.get(entry.storageKey()).length
                    : longStorages.get(entry.storageKey()).length);
            if (entry.view() == null) {
                op('N');
            } else {
                op('(');
                string(entry.storageKey() + "-view");
                integer(entry.view()[0]);
                integer(entry.view()[1]);
                op('t');
            }
            op('t');
            op('Q');
            integer(entry.offset());
            longTuple(entry.shape());
            longTuple(entry.stride());
            op(0x89);
            global("collections", "OrderedDict");
            op(')');
            op('R');
            op('t');
            op('R');
        }
        op('u');
        stop();

        proto();
        op(']');
        op('(');
        floatStorages.keySet().forEach(this::string);
        longStorages.keySet().forEach(this::string);
        op('e');
        stop();

        for (float[] data : floatStorages.values()) {
            ByteBuffer buffer = ByteBuffer.allocate(8 + data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buffer.putLong(data.length);
            for (float value : data) {
                buffer.putFloat(value);
            }
            out.writeBytes(buffer.array());
        }
        for (long[] data : longStorages.values()) {
            ByteBuffer buffer = ByteBuffer.allocate(8 + data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            buffer.putLong(data.length);
            for (long value : data) {
                buffer.putLong(value);
            }
            out.writeBytes(buffer.array());
        }
        return out.toByteArray();
    }

    private void proto() {
        op(0x80);
        op(2);
    }

    private void stop() {
        op('.');
    }

    private void op(int b) {
        out.write(b);
    }

    private void integer(long value) {
        op('J');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(Math.toIntExact(value)).array());
    }

    private void string(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        op('X');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
        out.writeBytes(utf8);
    }

    private void global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void longTuple(long[] values) {
        op('(');
        for (long value : values) {
            integer(value);
        }
        op('t');
    }
}
