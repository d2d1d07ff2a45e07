package dev.likeness.runtime.torch;

import java.util.Optional;

/**
 * The legacy {@code torch.*Storage} classes a checkpoint may name. Float storages hold the weights;
 * long storages only hold BatchNorm's {@code num_batches_tracked} counters, which are read past and
 * dropped. Every other element type is refused when the class is looked up.
 */
enum StorageType {
    FLOAT("FloatStorage", Float.BYTES),
    LONG("LongStorage", Long.BYTES);

    private final String className;
    private final int elementBytes;

    StorageType(String className, int elementBytes) {
        this.className = className;
        this.elementBytes = elementBytes;
    }

    static Optional<StorageType> named(String className) {
        for (StorageType type : values()) {
            if (type.className.equals(className)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    int elementBytes() {
        return elementBytes;
    }

    @Override
    public String toString() {
        return "torch." + className;
    }
}
