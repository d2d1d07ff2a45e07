package dev.likeness.runtime.torch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Forward-only reader over an untrusted byte array. Every read checks the remaining length first,
 * so a truncated or lying file ends in an IOException, never in a large allocation.
 */
final class ByteCursor {

    private final ByteBuffer buffer;

    ByteCursor(byte[] bytes) {
        this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    int position() {
        return buffer.position();
    }

    int remaining() {
        return buffer.remaining();
    }

    int u8() throws IOException {
        require(1);
        return buffer.get() & 0xff;
    }

    int u16() throws IOException {
        require(2);
        return buffer.getShort() & 0xffff;
    }

    int s32() throws IOException {
        require(4);
        return buffer.getInt();
    }

    long u32() throws IOException {
        return s32() & 0xffff_ffffL;
    }

    long s64() throws IOException {
        require(8);
        return buffer.getLong();
    }

    double f64BigEndian() throws IOException {
        require(8);
        return Double.longBitsToDouble(Long.reverseBytes(buffer.getLong()));
    }

    byte[] bytes(long count) throws IOException {
        require(count);
        byte[] out = new byte[(int) count];
        buffer.get(out);
        return out;
    }

    String utf8(long byteCount) throws IOException {
        return new String(bytes(byteCount), StandardCharsets.UTF_8);
    }

    /** A newline-terminated ASCII line of at most {@code maxLength} characters, newline dropped. */
    String line(int maxLength) throws IOException {
        int start = buffer.position();
        int limit = Math.min(buffer.limit(), start + maxLength + 1);
        for (int i = start; i < limit; i++) {
            if (buffer.get(i) == '\n') {
                byte[] text = new byte[i - start];
                buffer.get(text);
                buffer.get();
                for (byte b : text) {
                    if (b < 0x20 || b > 0x7e) {
                        throw new IOException("non-ASCII text in a class name at byte " + start);
                    }
                }
                return new String(text, StandardCharsets.US_ASCII);
            }
        }
        throw new IOException("unterminated or over-long line (max " + maxLength + ") at byte " + start);
    }

    void readFloats(float[] into) throws IOException {
        require((long) into.length * Float.BYTES);
        buffer.asFloatBuffer().get(into);
        buffer.position(buffer.position() + into.length * Float.BYTES);
    }

    void skip(long count) throws IOException {
        require(count);
        buffer.position(buffer.position() + (int) count);
    }

    private void require(long count) throws IOException {
        if (count < 0 || count > buffer.remaining()) {
            throw new IOException("truncated: need " + count + " bytes at byte " + buffer.position()
                    + ", only " + buffer.remaining() + " left");
        }
    }
}
