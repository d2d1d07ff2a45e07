package dev.likeness.faceindex;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory gallery against a brute-force reference: search stays exact through adds, replacements and removals. */
class FaceGalleryTest {

    private static final int DIMENSION = 64;

    @Test
    void searchFindsExactlyTheFacesAboveTheFloorThroughChurn() {
        Random random = new Random(7);
        FaceGallery gallery = new FaceGallery();
        Map<UUID, float[]> reference = new HashMap<>();
        List<UUID> ids = new java.util.ArrayList<>();
        // Enough rows for several blocks (a block holds (8 MiB - 64) / 256 = 32,767 rows of 64 floats) and a parallel scan.
        for (int i = 0; i < 70_000; i++) {
            UUID id = UUID.randomUUID();
            float[] v = unit(random);
            gallery.put(face(id, i % 2 == 0), v);
            reference.put(id, v);
            ids.add(id);
        }
        // Remove a third (swap-remove moves rows across blocks), replace some descriptors in place.
        for (int i = 0; i < ids.size(); i += 3) {
            gallery.remove(ids.get(i));
            reference.remove(ids.get(i));
        }
        for (int i = 1; i < ids.size(); i += 7) {
            float[] v = unit(random);
            gallery.put(face(ids.get(i), true), v);
            reference.put(ids.get(i), v);
        }
        assertEquals(reference.size(), gallery.size());

        for (int q = 0; q < 5; q++) {
            // A query near a stored face, so the floor has hits besides chance ones.
            UUID near = ids.get(1 + 7 * q);
            float[] query = reference.get(near).clone();
            query[0] += 0.05f;
            double floor = 0.3;
            List<FaceGallery.Hit> hits = gallery.search(query, floor, face -> true);
            long expected = reference.values().stream().filter(v -> dot(query, v) >= floor).count();
            assertEquals(expected, hits.size());
            assertEquals(near, hits.get(0).face().id());
            for (FaceGallery.Hit hit : hits) {
                assertEquals(dot(query, reference.get(hit.face().id())), hit.similarity(), 1e-4);
            }
            for (int i = 1; i < hits.size(); i++) {
                assertTrue(hits.get(i - 1).similarity() >= hits.get(i).similarity());
            }
        }
    }

    @Test
    void aDescriptorOfAnotherLengthIsRefused() {
        FaceGallery gallery = new FaceGallery();
        assertTrue(gallery.put(face(UUID.randomUUID(), true), new float[DIMENSION]));
        assertFalse(gallery.put(face(UUID.randomUUID(), true), new float[DIMENSION * 2]));
        assertEquals(1, gallery.size());
    }

    private static IndexedFace face(UUID id, boolean approved) {
        return new IndexedFace(id, "owner", FaceSource.LIVENESS, approved, false, false);
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < DIMENSION; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
