package dev.likeness.runtime.torch;

/**
 * The part of a storage a tensor indexes into: the whole storage, or one of the storage views
 * that old torch versions pickled as {@code (view_key, offset, size)}.
 */
record StorageView(TorchStorage storage, long offset, long length) {

    static StorageView whole(TorchStorage storage) {
        return new StorageView(storage, 0, storage.length());
    }
}
