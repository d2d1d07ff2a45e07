package dev.likeness.runtime.tfjs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an ONNX model (opset 13) in protobuf's wire format: the few messages and fields a
 * feed-forward graph of float tensors needs (ModelProto, GraphProto, NodeProto, AttributeProto,
 * TensorProto, ValueInfoProto), with field numbers from onnx.proto. Not thread-safe; one builder
 * makes one model.
 */
final class OnnxGraphBuilder {

    static final int OPSET = 13;
    private static final int IR_VERSION = 7;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int counter;

    /** A fresh value name derived from {@code base}. */
    String fresh(String base) {
        return base + "/onnx_" + counter++;
    }

    /** A float graph input; a negative dimension is symbolic (e.g. the batch). */
    void input(String name, long[] dims) {
        inputs.add(valueInfo(name, dims));
    }

    /** A float graph output of unspecified shape. */
    void output(String name) {
        outputs.add(valueInfo(name, null));
    }

    void floats(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        initializers.add(tensor(name, dims, FLOAT, raw.array()));
    }

    void longs(String name, long[] dims, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        initializers.add(tensor(name, dims, INT64, raw.array()));
    }

    /** Starts a node; finish it with {@link Node#add()}. */
    Node node(String opType, String output, String... inputNames) {
        return new Node(opType, output, inputNames);
    }

    byte[] build(String graphName) {
        Message graph = new Message();
        nodes.forEach(n -> graph.bytes(1, n));
        graph.string(2, graphName);
        initializers.forEach(t -> graph.bytes(5, t));
        inputs.forEach(i -> graph.bytes(11, i));
        outputs.forEach(o -> graph.bytes(12, o));
        Message opset = new Message().string(1, "").varint(2, OPSET);
        return new Message()
                .varint(1, IR_VERSION)
                .string(2, "likeness")
                .bytes(7, graph.toBytes())
                .bytes(8, opset.toBytes())
                .toBytes();
    }

    private static byte[] tensor(String name, long[] dims, int type, byte[] raw) {
        Message t = new Message();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, type).string(8, name).bytes(9, raw).toBytes();
    }

    private static byte[] valueInfo(String name, long[] dims) {
        Message tensorType = new Message().varint(1, FLOAT);
        if (dims != null) {
            Message shape = new Message();
            for (long d : dims) {
                shape.bytes(1, (d < 0 ? new Message().string(2, "batch") : new Message().varint(1, d)).toBytes());
            }
            tensorType.bytes(2, shape.toBytes());
        }
        Message type = new Message().bytes(1, tensorType.toBytes());
        return new Message().string(1, name).bytes(2, type.toBytes()).toBytes();
    }

    /** A node being described: attributes, then {@link #add()}. */
    final class Node {

        private final Message message = new Message();

        private Node(String opType, String output, String... inputNames) {
            for (String in : inputNames) {
                message.string(1, in);
            }
            message.string(2, output).string(3, output).string(4, opType);
        }

        Node ints(String name, long... values) {
            Message a = new Message().string(1, name);
            for (long v : values) {
                a.varint(8, v);
            }
            message.bytes(5, a.varint(20, 7).toBytes());
            return this;
        }

        Node integer(String name, long value) {
            message.bytes(5, new Message().string(1, name).varint(3, value).varint(20, 2).toBytes());
            return this;
        }

        Node real(String name, float value) {
            message.bytes(5, new Message().string(1, name).fixed32(2, Float.floatToIntBits(value)).varint(20, 1).toBytes());
            return this;
        }

        Node string(String name, String value) {
            message.bytes(5, new Message().string(1, name).string(4, value).varint(20, 3).toBytes());
            return this;
        }

        void add() {
            nodes.add(message.toBytes());
        }
    }

    /** Protobuf wire format: varint (type 0), 32-bit (type 5) and length-delimited (type 2) fields. */
    private static final class Message {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            rawVarint((long) field << 3);
            rawVarint(value);
            return this;
        }

        Message fixed32(int field, int value) {
            rawVarint(((long) field << 3) | 5);
            for (int i = 0; i < 4; i++) {
                out.write(value >>> (8 * i));
            }
            return this;
        }

        Message bytes(int field, byte[] value) {
            rawVarint(((long) field << 3) | 2);
            rawVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private void rawVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
