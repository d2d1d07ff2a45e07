package dev.likeness.runtime.torch;

import java.io.IOException;

/**
 * A tensor as pickled: a window of a storage described by an offset, sizes and strides. Its data is
 * only gathered ({@link #materialise}) after the storages have been read from the end of the file.
 *
 * @param view    the storage (or storage view) the tensor indexes into
 * @param offset  the tensor's storage offset, in elements
 * @param shape   sizes per dimension
 * @param stride  strides per dimension, in elements
 */
record StoredTensor(StorageView view, long offset, long[] shape, long[] stride) {

    /** Checks that every element the sizes and strides can reach lies inside the storage. */
    static StoredTensor of(StorageView view, long offset, long[] shape, long[] stride) throws IOException {
        if (shape.length != stride.length) {
            throw new IOException("tensor has " + shape.length + " sizes but " + stride.length + " strides");
        }
        StoredTensor tensor = new StoredTensor(view, offset, shape, stride);
        if (tensor.elementCount() == 0) {
            return tensor;
        }
        try {
            long last = offset;
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] < 0 || stride[d] < 0) {
                    throw new IOException("negative tensor size or stride");
                }
                last = Math.addExact(last, Math.multiplyExact(shape[d] - 1, stride[d]));
            }
            if (offset < 0 || last >= view.length()) {
                throw new IOException("tensor reaches element " + last + " of storage " + view.storage().key()
                        + " which has " + view.length());
            }
        } catch (ArithmeticException e) {
            throw new IOException("tensor strides overflow");
        }
        return tensor;
    }

    long elementCount() throws IOException {
        try {
            long count = 1;
            for (long size : shape) {
                count = Math.multiplyExact(count, size);
            }
            return count;
        } catch (ArithmeticException e) {
            throw new IOException("tensor element count overflows");
        }
    }

    StorageType type() {
        return view.storage().type();
    }

    /** Gathers the elements into a fresh C-order array, whatever the strides. */
    float[] materialise() throws IOException {
        if (type() != StorageType.FLOAT) {
            throw new IOException("tensor is stored in " + type() + "; only float32 tensors are supported");
        }
        long count = elementCount();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IOException("tensor of " + count + " elements is too large");
        }
        float[] source = view.storage().floats();
        float[] out = new float[(int) count];
        int rank = shape.length;
        long[] index = new long[rank];
        long position = view.offset() + offset;
        for (int i = 0; i < out.length; i++) {
            out[i] = source[(int) position];
            // Odometer over the C-order index: bump the last dimension, carry leftwards.
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    position += stride[d];
                    break;
                }
                position -= (shape[d] - 1) * stride[d];
                index[d] = 0;
            }
        }
        return out;
    }
}
