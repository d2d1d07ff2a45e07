package dev.likeness.runtime.torch;

import java.io.IOException;

/**
 * One storage named by the pickled state dict. Its length is declared in the pickle, its data
 * follows the pickles in the file; {@link #load} fills it once the reader gets there.
 */
final class TorchStorage {

    private final String key;
    private final StorageType type;
    private final long length;
    private float[] floats;
    private boolean loaded;

    TorchStorage(String key, StorageType type, long length) {
        this.key = key;
        this.type = type;
        this.length = length;
    }

    String key() {
        return key;
    }

    StorageType type() {
        return type;
    }

    long length() {
        return length;
    }

    boolean loaded() {
        return loaded;
    }

    /** The float32 elements; only for {@link StorageType#FLOAT} storages that have been loaded. */
    float[] floats() {
        return floats;
    }

    /** Reads the element count and the raw little-endian elements at the cursor. */
    void load(ByteCursor in) throws IOException {
        if (loaded) {
            throw new IOException("storage " + key + " is listed twice");
        }
        int at = in.position();
        long count = in.s64();
        if (count != length) {
            throw new IOException("storage " + key + " has " + count + " elements at byte " + at
                    + " but the pickle declared " + length);
        }
        // Checked before allocating, so a lying count cannot claim more memory than the file holds.
        if (count > in.remaining() / type.elementBytes()) {
            throw new IOException("truncated: storage " + key + " needs " + count + " elements of "
                    + type.elementBytes() + " bytes at byte " + in.position() + ", only "
                    + in.remaining() + " bytes left");
        }
        if (type == StorageType.FLOAT) {
            floats = new float[(int) count];
            in.readFloats(floats);
        } else {
            in.skip(count * type.elementBytes());
        }
        loaded = true;
    }
}
