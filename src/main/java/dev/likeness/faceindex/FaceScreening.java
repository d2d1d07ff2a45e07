package dev.likeness.faceindex;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Duplicate and blocklist screening of a live capture against the application's faces (face index
 * spec §3): faces of the same {@code vendor_data} never take part; a blocklisted face in the high
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
        Optional<FaceIndex.Hit> blocked = hits.stream().filter(h -> h.face().blocklisted()).findFirst();
        Optional<FaceIndex.Hit> duplicated = hits.stream()
                .filter(h -> !h.face().blocklisted() && !h.face().allowlisted() && h.face().verified()).findFirst();

        List<FaceIndex.Hit> shown = new ArrayList<>(hits.subList(0, Math.min(config.maxMatches(), hits.size())));
        blocked.filter(h -> !shown.contains(h)).ifPresent(shown::add);
        duplicated.filter(h -> !shown.contains(h)).ifPresent(shown::add);
        List<IndexMatch> matches = details.of(shown);

        List<Warning> warnings = new ArrayList<>();
        blocked.flatMap(h -> matchOf(matches, h)).ifPresent(m -> {
            boolean high = band.high(m.similarityPercentage());
            warnings.add(Warning.of(high ? Risk.FACE_IN_BLOCKLIST : Risk.POSSIBLE_FACE_IN_BLOCKLIST,
                    high ? LogType.ERROR : possibleBlocklist, nodeId, blocklisted(m)));
        });
        duplicated.flatMap(h -> matchOf(matches, h)).ifPresent(m -> warnings.add(Warning.of(
                band.high(m.similarityPercentage()) ? Risk.DUPLICATED_FACE : Risk.POSSIBLE_DUPLICATED_FACE,
                duplicate, nodeId, duplicatedBy(m))));
        List<IndexMatch> listed = matches.stream()
                .sorted((a, b) -> Double.compare(b.similarityPercentage(), a.similarityPercentage()))
                .limit(config.maxMatches()).toList();
        return new Screening(warnings, listed);
    }

    private static Optional<IndexMatch> matchOf(List<IndexMatch> matches, FaceIndex.Hit hit) {
        return matches.stream().filter(m -> m.faceId().equals(hit.face().id())).findFirst();
    }

    /** {@code additional_data} of a blocklist warning. */
    public static Map<String, Object> blocklisted(IndexMatch m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("blocklisted_session_id", m.sessionId());
        data.put("blocklisted_session_number", m.sessionNumber());
        data.put("api_service", m.apiService());
        return data;
    }

    /** {@code additional_data} of a duplicate warning. */
    public static Map<String, Object> duplicatedBy(IndexMatch m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("duplicated_session_id", m.sessionId());
        data.put("duplicated_session_number", m.sessionNumber());
        return data;
    }
}
