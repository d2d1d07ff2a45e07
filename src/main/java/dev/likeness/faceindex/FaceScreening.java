package dev.likeness.faceindex;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Warning;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Duplicate and blocklist screening of a live capture against the application's faces: faces of the same {@code vendor_data} never take part; a blocklisted face in the high
 * band declines; one in the possible band sends a workflow session to review and declines a
 * standalone call; a verified face of someone else is a duplicate, weighed by the workflow's
 * {@code face_liveness_possible_duplicated_face_action} (information in standalone calls). An
 * allowlisted face is listed but raises no duplicate warning. Faces enrolled by face search are
 * left out, so searching never creates duplicates.
 */
@ApplicationScoped
public class FaceScreening {

    /** The warnings a capture raises and the matches its liveness item lists. */
    public record Screening(List<Warning> warnings, List<IndexMatch> matches) {

        public static final Screening NONE = new Screening(List.of(), List.of());

        /** Declined by whom the face is: another capture of the same face cannot change that. */
        public boolean declines() {
            return warnings.stream().anyMatch(w -> w.logType() == LogType.ERROR);
        }
    }

    private final FaceIndex index;
    private final MatchDetails details;
    private final SimilarityBands bands;
    private final FaceIndexConfig config;

    public FaceScreening(FaceIndex index, MatchDetails details, SimilarityBands bands, FaceIndexConfig config) {
        this.index = index;
        this.details = details;
        this.bands = bands;
        this.config = config;
    }

    /** A session's liveness capture, on the node {@code nodeId}. */
    public Screening inWorkflow(UUID applicationId, String vendorData, float[] descriptor, String duplicateAction,
                                String nodeId) {
        return screen(applicationId, vendorData, descriptor, LogType.WARNING, LogType.ofAction(duplicateAction), nodeId);
    }

    /** A passive-liveness or age-estimation call. */
    public Screening standalone(UUID applicationId, String vendorData, float[] descriptor) {
        return screen(applicationId, vendorData, descriptor, LogType.ERROR, LogType.INFORMATION, null);
    }

    private Screening screen(UUID applicationId, String vendorData, float[] descriptor, LogType possibleBlocklist,
                             LogType duplicate, String nodeId) {
        if (descriptor == null) {
            return Screening.NONE;
        }
        SimilarityBands.Bands band = bands.of(applicationId);
        String owner = IndexedFace.vendorKey(vendorData);
        List<FaceIndex.Hit> hits = index.search(applicationId, descriptor, band.possible(),
                face -> !face.ownedBy(owner) && face.source() != FaceSource.FACE_SEARCH
                        && (face.blocklisted() || face.allowlisted() || face.verified()));
        Optional<FaceIndex.Hit> blocked = HitWarnings.blocklisted(hits);
        Optional<FaceIndex.Hit> duplicated = HitWarnings.duplicated(hits);
        List<IndexMatch> matches = HitWarnings.details(details, hits.subList(0, Math.min(config.maxMatches(), hits.size())),
                blocked, duplicated);
        List<Warning> warnings = HitWarnings.of(matches, blocked, duplicated, band, possibleBlocklist, duplicate, nodeId);
        List<IndexMatch> listed = matches.stream()
                .sorted((a, b) -> Double.compare(b.similarityPercentage(), a.similarityPercentage()))
                .limit(config.maxMatches()).toList();
        return new Screening(warnings, listed);
    }
}
