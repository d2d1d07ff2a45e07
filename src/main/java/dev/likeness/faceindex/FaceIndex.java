package dev.likeness.faceindex;

import dev.likeness.face.FaceMatcher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The 1:N face index: one in-memory gallery per application, loaded on first use and brought up to
 * date from the database's change log before every search, so a search never misses a committed
 * change, whichever pod made it. {@link FaceIndexListener} applies other pods' changes ahead of
 * time so that the check before a search usually finds nothing to do.
 */
@ApplicationScoped
public class FaceIndex {

    private static final Logger LOG = Logger.getLogger(FaceIndex.class);

    /** A face at or above a search's floor, with its calibrated score. */
    public record Hit(IndexedFace face, double score) {
    }

    private final Map<UUID, FaceGallery> galleries = new ConcurrentHashMap<>();
    private final GalleryRows rows;
    private final FaceMatcher matcher;
    private final StaleFaceRefresher staleFaces;
    private final Duration changeRetention;

    public FaceIndex(GalleryRows rows, FaceMatcher matcher, StaleFaceRefresher staleFaces, FaceIndexConfig config,
                     MeterRegistry registry) {
        this.rows = rows;
        this.matcher = matcher;
        this.staleFaces = staleFaces;
        this.changeRetention = config.changeRetention();
        Gauge.builder("likeness.face_index.faces", galleries, g -> g.values().stream().mapToInt(FaceGallery::size).sum())
                .description("faces held in memory by this pod's face index").register(registry);
        Gauge.builder("likeness.face_index.bytes", galleries,
                        g -> g.values().stream().mapToLong(FaceGallery::descriptorBytes).sum())
                .description("bytes of descriptors held by this pod's face index").register(registry);
    }

    /**
     * Eligible faces scoring at least {@code minScore} against a unit descriptor of the current
     * model, best first.
     */
    public List<Hit> search(UUID applicationId, float[] descriptor, double minScore, Predicate<IndexedFace> eligible) {
        FaceGallery gallery = current(applicationId);
        // A little below the exact floor: a score that rounds up to the threshold still counts.
        double floor = matcher.calibration().similarityAt(minScore - 0.005);
        List<Hit> hits = new ArrayList<>();
        for (FaceGallery.Hit hit : gallery.search(descriptor, floor, eligible)) {
            double score = matcher.calibration().score(hit.similarity());
            if (score >= minScore) {
                hits.add(new Hit(hit.face(), score));
            }
        }
        return hits;
    }

    /** Faces this pod holds for the application (loading it if needed). */
    public int size(UUID applicationId) {
        return current(applicationId).size();
    }

    /** Faces this pod holds for the application right now, without catching up (0 when not loaded). */
    int heldFaces(UUID applicationId) {
        FaceGallery gallery = galleries.get(applicationId);
        return gallery == null ? 0 : gallery.size();
    }

    /** Applies changes other pods announced, for galleries this pod holds. */
    void refresh(UUID applicationId) {
        FaceGallery gallery = galleries.get(applicationId);
        if (gallery != null) {
            catchUp(applicationId, gallery);
        }
    }

    /** After a lost connection to the notifications: any of them may have been missed. */
    void refreshAll() {
        galleries.forEach(this::catchUp);
    }

    private FaceGallery current(UUID applicationId) {
        FaceGallery gallery = galleries.computeIfAbsent(applicationId, id -> new FaceGallery());
        catchUp(applicationId, gallery);
        return gallery;
    }

    private void catchUp(UUID applicationId, FaceGallery gallery) {
        long latest = rows.latestVersion(applicationId);
        synchronized (gallery) {
            if (gallery.appliedVersion >= latest) {
                gallery.caughtUpAt = Instant.now();
                return;
            }
            boolean logMayBePruned = gallery.caughtUpAt.isBefore(Instant.now().minus(changeRetention.dividedBy(2)));
            GalleryRows.Changes changes = gallery.appliedVersion < 0 || logMayBePruned ? null
                    : rows.changedBetween(applicationId, gallery.appliedVersion, latest);
            if (changes == null || !changes.complete()) {
                long started = System.nanoTime();
                // Filled aside and swapped in whole: a search running meanwhile sees the old faces, never half of them.
                FaceGallery loaded = new FaceGallery();
                List<UUID> stale = new ArrayList<>();
                rows.read(applicationId, null, row -> apply(loaded, row, stale));
                gallery.replaceWith(loaded);
                LOG.infof("face index: application %s loaded, %d faces in %d ms", applicationId, gallery.size(),
                        (System.nanoTime() - started) / 1_000_000);
                staleFaces.submit(stale);
            } else {
                List<UUID> stale = new ArrayList<>();
                Set<UUID> present = ConcurrentHashMap.newKeySet();
                rows.read(applicationId, changes.faceIds(), row -> {
                    present.add(row.face().id());
                    apply(gallery, row, stale);
                });
                changes.faceIds().stream().filter(id -> !present.contains(id)).forEach(gallery::remove);
                staleFaces.submit(stale);
            }
            gallery.appliedVersion = latest;
            gallery.caughtUpAt = Instant.now();
        }
    }

    /** Descriptors of another model version are never compared; they are re-described in the background. */
    private void apply(FaceGallery gallery, GalleryRows.Row row, List<UUID> stale) {
        if (!matcher.modelVersion().equals(row.modelVersion())) {
            gallery.remove(row.face().id());
            stale.add(row.face().id());
            return;
        }
        if (!gallery.put(row.face(), row.descriptor())) {
            gallery.remove(row.face().id());
        }
    }
}
