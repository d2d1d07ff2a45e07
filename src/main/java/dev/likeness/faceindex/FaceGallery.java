package dev.likeness.faceindex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * One application's faces in memory: unit descriptors in fixed-size row blocks (no single huge
 * array to grow or to find contiguous memory for) and the per-face facts searches filter by.
 * Search is exact: every row's similarity is computed. Writers (catch-up from the change log) take
 * the write lock; searches share the read lock.
 */
final class FaceGallery {

    /** A face above the similarity floor of a search. */
    record Hit(IndexedFace face, double similarity) {
    }

    /**
     * A block is just under 8 MiB: G1 stores an array this large in whole regions (1, 2, 4 or 8 MiB
     * each), and a block of exactly 8 MiB plus its header would waste most of one more region.
     */
    private static final int BLOCK_BYTES = (8 << 20) - 64;
    /** Below this a scan takes a few milliseconds and is not worth handing to other threads. */
    private static final int PARALLEL_ROWS = 16_384;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<float[]> blocks = new ArrayList<>();
    private final Map<UUID, Integer> rowOf = new HashMap<>();
    private IndexedFace[] faces = new IndexedFace[0];
    private int dimension = -1;
    private int blockRows = 1;
    private int size;

    /** Last change-log version applied; -1 before the first load. Guarded by the catch-up monitor. */
    long appliedVersion = -1;
    /** When the gallery was last brought up to date, to detect a change log pruned past it. */
    Instant caughtUpAt = Instant.EPOCH;

    int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Bytes held by descriptors and per-face facts, for the benchmark and metrics. */
    long descriptorBytes() {
        lock.readLock().lock();
        try {
            return (long) blocks.size() * blockRows * Math.max(dimension, 0) * Float.BYTES;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Takes over another gallery's faces in one step (a whole reload). */
    void replaceWith(FaceGallery loaded) {
        lock.writeLock().lock();
        try {
            blocks.clear();
            blocks.addAll(loaded.blocks);
            rowOf.clear();
            rowOf.putAll(loaded.rowOf);
            faces = loaded.faces;
            size = loaded.size;
            dimension = loaded.dimension;
            blockRows = loaded.blockRows;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds or replaces a face; a descriptor of another length than the gallery's is refused. */
    boolean put(IndexedFace face, float[] unitDescriptor) {
        lock.writeLock().lock();
        try {
            if (dimension < 0) {
                dimension = unitDescriptor.length;
                blockRows = BLOCK_BYTES / (dimension * Float.BYTES);
            } else if (dimension != unitDescriptor.length) {
                return false;
            }
            Integer row = rowOf.get(face.id());
            if (row == null) {
                row = size++;
                if (row / blockRows >= blocks.size()) {
                    blocks.add(new float[blockRows * dimension]);
                }
                if (row >= faces.length) {
                    faces = Arrays.copyOf(faces, Math.max(blockRows, faces.length * 2));
                }
                rowOf.put(face.id(), row);
            }
            faces[row] = face;
            System.arraycopy(unitDescriptor, 0, blocks.get(row / blockRows), (row % blockRows) * dimension, dimension);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a face by moving the last row into its place. */
    void remove(UUID id) {
        lock.writeLock().lock();
        try {
            Integer row = rowOf.remove(id);
            if (row == null) {
                return;
            }
            int last = --size;
            if (row != last) {
                IndexedFace moved = faces[last];
                faces[row] = moved;
                rowOf.put(moved.id(), row);
                System.arraycopy(blocks.get(last / blockRows), (last % blockRows) * dimension,
                        blocks.get(row / blockRows), (row % blockRows) * dimension, dimension);
            }
            faces[last] = null;
            if (size % blockRows == 0 && blocks.size() > size / blockRows) {
                blocks.remove(blocks.size() - 1);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Every eligible face whose similarity to the query is at least {@code floor}, best first.
     * The descriptors are unit length, so similarity is the dot product.
     */
    List<Hit> search(float[] query, double floor, Predicate<IndexedFace> eligible) {
        lock.readLock().lock();
        try {
            List<Hit> hits = new ArrayList<>();
            if (size == 0 || query.length != dimension) {
                return hits;
            }
            // A scan reads every descriptor (200 MB at 100,000 faces): memory-bound, so large
            // galleries are split over the cores, which together draw more bandwidth than one.
            IntStream blockIndexes = IntStream.range(0, blocks.size());
            if (size >= PARALLEL_ROWS) {
                blockIndexes = blockIndexes.parallel();
            }
            blockIndexes.mapToObj(b -> scan(b, query, floor, eligible)).forEachOrdered(hits::addAll);
            hits.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<Hit> scan(int b, float[] query, double floor, Predicate<IndexedFace> eligible) {
        List<Hit> hits = new ArrayList<>();
        float[] block = blocks.get(b);
        int d = dimension;
        int rows = Math.min(blockRows, size - b * blockRows);
        for (int r = 0; r < rows; r++) {
            double similarity = dot(query, block, r * d, d);
            if (similarity >= floor) {
                IndexedFace face = faces[b * blockRows + r];
                if (eligible.test(face)) {
                    hits.add(new Hit(face, similarity));
                }
            }
        }
        return hits;
    }

    /** Four independent sums so the CPU can overlap the multiply-adds (Java will not reorder a float sum). */
    private static double dot(float[] q, float[] block, int offset, int d) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < d; i += 4) {
            s0 += q[i] * block[offset + i];
            s1 += q[i + 1] * block[offset + i + 1];
            s2 += q[i + 2] * block[offset + i + 2];
            s3 += q[i + 3] * block[offset + i + 3];
        }
        for (; i < d; i++) {
            s0 += q[i] * block[offset + i];
        }
        return (double) s0 + s1 + s2 + s3;
    }
}
