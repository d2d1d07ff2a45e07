package dev.likeness.runtime.torch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a state dict saved by PyTorch's legacy (pre-zip) {@code torch.save}, so published
 * {@code .pth} files can be used as they are, without Python or a conversion step.
 *
 * <p>The file is five pickles (magic number, format version, system info, the state dict, the
 * list of storage keys) followed by each listed storage's element count (int64) and raw
 * little-endian elements. The files come from operators, so they are treated as untrusted: the
 * size is capped before anything is allocated, the pickles may only name the few classes a
 * float32 state dict needs, and anything unexpected ends in an {@link IOException}.
 */
public final class LegacyTorchCheckpoint {

    /** Largest accepted file (anti-spoofing checkpoints are a few megabytes). */
    public static final long MAX_FILE_BYTES = 32L << 20;

    /**
     * Cap on the floats produced across all tensors. Strides of zero let a tiny storage describe
     * a huge tensor, so the output is bounded separately from the file.
     */
    private static final long MAX_OUTPUT_ELEMENTS = 2 * MAX_FILE_BYTES / Float.BYTES;

    private static final BigInteger MAGIC_NUMBER = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long FORMAT_VERSION = 1001;
    private static final String DATA_PARALLEL_PREFIX = "module.";
    private static final String BATCH_COUNTER = "num_batches_tracked";

    /** The magic number, version and system info pickles hold plain data only. */
    private static final PickleMachine.Hooks PLAIN_DATA = new PickleMachine.Hooks() {
        @Override
        public Object findClass(String module, String name) throws IOException {
            throw new IOException("class " + module + "." + name + " is not allowed in a checkpoint header");
        }

        @Override
        public Object call(Object callable, PickleMachine.Tuple args) throws IOException {
            throw new IOException("call in plain data");
        }

        @Override
        public void build(Object target, Object state) throws IOException {
            throw new IOException("object state in plain data");
        }

        @Override
        public Object persistentLoad(Object pid) throws IOException {
            throw new IOException("persistent id in plain data");
        }
    };

    private LegacyTorchCheckpoint() {
    }

    /**
     * A float32 tensor in C order. The arrays are not copied; treat them as read-only.
     *
     * @param shape sizes per dimension ({@code []} for a scalar)
     * @param data  the elements, row-major, {@code product(shape)} of them
     */
    public record Tensor(long[] shape, float[] data) {

        public Tensor {
            long count = 1;
            for (long size : shape) {
                if (size < 0) {
                    throw new IllegalArgumentException("negative size in " + Arrays.toString(shape));
                }
                count = Math.multiplyExact(count, size);
            }
            if (count != data.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count
                        + " elements, got " + data.length);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tensor that && Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Tensor" + Arrays.toString(shape);
        }
    }

    /**
     * The float32 tensors of the checkpoint's state dict in file order, keyed as in the npz exports:
     * a leading {@code module.} (left by {@code DataParallel}) is stripped and BatchNorm's
     * {@code num_batches_tracked} counters are dropped. Every tensor is materialised contiguous.
     *
     * @throws IOException if the file is not a legacy checkpoint of float32 tensors, is truncated,
     *                     too large, or names anything outside the whitelist
     */
    public static Map<String, Tensor> read(Path pth) throws IOException {
        try {
            return parse(readBounded(pth));
        } catch (IOException e) {
            throw new IOException(pth.getFileName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The parser checks what it reads; this only keeps a missed case from escaping unchecked.
            throw new IOException(pth.getFileName() + ": malformed checkpoint (" + e + ")", e);
        }
    }

    /**
     * Checks that {@code pth} is byte-for-byte the published file of the same name.
     *
     * @param published sha256 (hex) of each published file, by file name
     * @throws IOException naming the file and the expected digest if it differs, or if no digest is
     *                     known for its name
     */
    public static void verify(Path pth, Map<String, String> published) throws IOException {
        String name = String.valueOf(pth.getFileName());
        String expected = published.get(name);
        if (expected == null) {
            throw new IOException(name + ": no expected sha256 for this file name (known: "
                    + String.join(", ", published.keySet()) + ")");
        }
        String actual = sha256(pth);
        if (!actual.equals(expected)) {
            throw new IOException(name + ": sha256 is " + actual + " but the published file has " + expected);
        }
    }

    private static byte[] readBounded(Path pth) throws IOException {
        long size = Files.size(pth);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("file of " + size + " bytes is over the " + MAX_FILE_BYTES + " byte limit");
        }
        try (InputStream in = Files.newInputStream(pth)) {
            // Read at most one byte past the limit, in case the file grew since it was measured.
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException("file is over the " + MAX_FILE_BYTES + " byte limit");
            }
            return bytes;
        }
    }

    private static Map<String, Tensor> parse(byte[] bytes) throws IOException {
        if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            throw new IOException("zip-format torch.save file; only the legacy format is supported");
        }
        ByteCursor in = new ByteCursor(bytes);
        if (!MAGIC_NUMBER.equals(PickleMachine.load(in, PLAIN_DATA))) {
            throw new IOException("not a legacy torch.save file (wrong magic number)");
        }
        Object version = PickleMachine.load(in, PLAIN_DATA);
        if (!Long.valueOf(FORMAT_VERSION).equals(version)) {
            throw new IOException("unsupported legacy format version " + TorchPickleHooks.describe(version));
        }
        if (!(PickleMachine.load(in, PLAIN_DATA) instanceof Map<?, ?> systemInfo)
                || !Boolean.TRUE.equals(systemInfo.get("little_endian"))) {
            throw new IOException("only little-endian checkpoints are supported");
        }
        TorchPickleHooks hooks = new TorchPickleHooks();
        Map<String, StoredTensor> stateDict = stateDict(PickleMachine.load(in, hooks));
        readStorages(in, hooks, PickleMachine.load(in, PLAIN_DATA));
        if (in.remaining() != 0) {
            throw new IOException(in.remaining() + " unexpected bytes after the last storage");
        }
        return tensors(stateDict);
    }

    private static Map<String, StoredTensor> stateDict(Object root) throws IOException {
        if (!(root instanceof Map<?, ?> map)) {
            throw new IOException("checkpoint holds " + TorchPickleHooks.describe(root) + ", not a state dict");
        }
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name) || !(entry.getValue() instanceof StoredTensor tensor)) {
                throw new IOException("state dict entry is not a named tensor ("
                        + TorchPickleHooks.describe(entry.getKey()) + " -> "
                        + TorchPickleHooks.describe(entry.getValue()) + ")");
            }
            out.put(name, tensor);
        }
        return out;
    }

    private static void readStorages(ByteCursor in, TorchPickleHooks hooks, Object keyList) throws IOException {
        if (!(keyList instanceof ArrayList<?> keys)) {
            throw new IOException("storage key list is " + TorchPickleHooks.describe(keyList));
        }
        for (Object key : keys) {
            if (!(key instanceof String name)) {
                throw new IOException("storage key is " + TorchPickleHooks.describe(key));
            }
            hooks.storage(name)
                    .orElseThrow(() -> new IOException("storage " + name + " is listed but never used"))
                    .load(in);
        }
        for (TorchStorage storage : hooks.storages()) {
            if (!storage.loaded()) {
                throw new IOException("storage " + storage.key() + " is used but has no data");
            }
        }
    }

    private static Map<String, Tensor> tensors(Map<String, StoredTensor> stateDict) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        long budget = MAX_OUTPUT_ELEMENTS;
        for (Map.Entry<String, StoredTensor> entry : stateDict.entrySet()) {
            String name = entry.getKey().startsWith(DATA_PARALLEL_PREFIX)
                    ? entry.getKey().substring(DATA_PARALLEL_PREFIX.length())
                    : entry.getKey();
            if (name.equals(BATCH_COUNTER) || name.endsWith("." + BATCH_COUNTER)) {
                continue;
            }
            StoredTensor stored = entry.getValue();
            budget -= stored.elementCount();
            if (budget < 0) {
                throw new IOException("tensors hold more than " + MAX_OUTPUT_ELEMENTS + " elements in total");
            }
            float[] data;
            try {
                data = stored.materialise();
            } catch (IOException e) {
                throw new IOException("tensor " + entry.getKey() + ": " + e.getMessage(), e);
            }
            if (out.put(name, new Tensor(stored.shape().clone(), data)) != null) {
                throw new IOException("tensor " + name + " appears both with and without the "
                        + DATA_PARALLEL_PREFIX + " prefix");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static String sha256(Path pth) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(pth)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
