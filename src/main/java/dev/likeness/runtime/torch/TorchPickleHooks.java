package dev.likeness.runtime.torch;

import dev.likeness.runtime.torch.PickleMachine.Tuple;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whitelist for a legacy state-dict pickle: {@code collections.OrderedDict},
 * {@code torch._utils._rebuild_tensor_v2} and the float and long storage classes, nothing else.
 * Storages named by persistent ids are collected here so their data can be read afterwards.
 */
final class TorchPickleHooks implements PickleMachine.Hooks {

    /** The callables a state dict may use; enum constants instead of any real class. */
    enum Callable {
        ORDERED_DICT, REBUILD_TENSOR_V2
    }

    private final Map<String, TorchStorage> storages = new LinkedHashMap<>();

    /** The storage the pickle declared under {@code key}, if any. */
    Optional<TorchStorage> storage(String key) {
        return Optional.ofNullable(storages.get(key));
    }

    Iterable<TorchStorage> storages() {
        return storages.values();
    }

    @Override
    public Object findClass(String module, String name) throws IOException {
        if (module.equals("collections") && name.equals("OrderedDict")) {
            return Callable.ORDERED_DICT;
        }
        if (module.equals("torch._utils") && name.equals("_rebuild_tensor_v2")) {
            return Callable.REBUILD_TENSOR_V2;
        }
        if (module.equals("torch") && name.endsWith("Storage")) {
            return StorageType.named(name).orElseThrow(() -> new IOException("unsupported storage type torch."
                    + name + ": only float32 tensors (and int64 batch counters, which are dropped) are supported"));
        }
        throw new IOException("class " + module + "." + name + " is not allowed in a checkpoint (allowed: "
                + "collections.OrderedDict, torch._utils._rebuild_tensor_v2, torch.FloatStorage, torch.LongStorage)");
    }

    @Override
    public Object call(Object callable, Tuple args) throws IOException {
        if (callable == Callable.ORDERED_DICT) {
            if (args.size() != 0) {
                throw new IOException("OrderedDict called with arguments");
            }
            return new LinkedHashMap<>();
        }
        if (callable == Callable.REBUILD_TENSOR_V2) {
            return rebuildTensor(args);
        }
        throw new IOException("cannot call " + describe(callable));
    }

    @Override
    public void build(Object target, Object state) throws IOException {
        // A state dict's OrderedDict carries a `_metadata` attribute (per-module versions) that a
        // weights reader has no use for; setting attributes on anything else is not expected.
        if (target instanceof LinkedHashMap<?, ?> && state instanceof LinkedHashMap<?, ?>) {
            return;
        }
        throw new IOException("cannot set state " + describe(state) + " on " + describe(target));
    }

    /** {@code ('storage', storage_type, key, location, size[, view_metadata])} */
    @Override
    public Object persistentLoad(Object pid) throws IOException {
        if (!(pid instanceof Tuple id) || id.size() < 5 || id.size() > 6 || !"storage".equals(id.get(0))) {
            throw new IOException("unsupported persistent id " + describe(pid));
        }
        if (!(id.get(1) instanceof StorageType type)) {
            throw new IOException("persistent id names storage class " + describe(id.get(1)));
        }
        String key = string(id.get(2), "storage key");
        string(id.get(3), "storage location");
        long length = nonNegative(id.get(4), "storage size");
        TorchStorage storage = storages.get(key);
        if (storage == null) {
            storage = new TorchStorage(key, type, length);
            storages.put(key, storage);
        } else if (storage.type() != type || storage.length() != length) {
            throw new IOException("storage " + key + " is declared twice with different types or sizes");
        }
        Object view = id.size() == 6 ? id.get(5) : null;
        if (view == null) {
            return StorageView.whole(storage);
        }
        if (!(view instanceof Tuple v) || v.size() != 3) {
            throw new IOException("unsupported storage view " + describe(view));
        }
        string(v.get(0), "storage view key");
        long viewOffset = nonNegative(v.get(1), "storage view offset");
        long viewLength = nonNegative(v.get(2), "storage view size");
        if (viewOffset > length || viewLength > length - viewOffset) {
            throw new IOException("storage view past the end of storage " + key);
        }
        return new StorageView(storage, viewOffset, viewLength);
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])} */
    private static StoredTensor rebuildTensor(Tuple args) throws IOException {
        if (args.size() != 6 && args.size() != 7) {
            throw new IOException("_rebuild_tensor_v2 called with " + args.size() + " arguments");
        }
        if (!(args.get(0) instanceof StorageView view)) {
            throw new IOException("_rebuild_tensor_v2 called without a storage");
        }
        long offset = nonNegative(args.get(1), "storage offset");
        long[] shape = longs(args.get(2), "size");
        long[] stride = longs(args.get(3), "stride");
        if (!(args.get(4) instanceof Boolean)) {
            throw new IOException("requires_grad is " + describe(args.get(4)));
        }
        if (!(args.get(5) instanceof Map<?, ?> hooks) || !hooks.isEmpty()) {
            throw new IOException("tensor with backward hooks");
        }
        return StoredTensor.of(view, offset, shape, stride);
    }

    private static long[] longs(Object value, String what) throws IOException {
        if (!(value instanceof Tuple tuple)) {
            throw new IOException("tensor " + what + " is " + describe(value));
        }
        List<Object> items = tuple.items();
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nonNegative(items.get(i), "tensor " + what);
        }
        return out;
    }

    private static long nonNegative(Object value, String what) throws IOException {
        if (value instanceof Long number && number >= 0) {
            return number;
        }
        throw new IOException(what + " is " + describe(value));
    }

    private static String string(Object value, String what) throws IOException {
        if (value instanceof String text) {
            return text;
        }
        throw new IOException(what + " is " + describe(value));
    }

    /** Names a value's type for messages without printing attacker-controlled contents. */
    static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Long || value instanceof Enum<?> || value instanceof Boolean) {
            return value.toString();
        }
        return value.getClass().getSimpleName();
    }
}
