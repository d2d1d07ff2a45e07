package dev.likeness.faceindex;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warnings hits raise, shared by screening and face search: a blocklisted face is
 * {@code FACE_IN_BLOCKLIST} in the high band (always an error) and {@code POSSIBLE_FACE_IN_BLOCKLIST}
 * in the possible band; a verified face of someone else, neither blocklisted nor allowlisted, is
 * {@code DUPLICATED_FACE} or {@code POSSIBLE_DUPLICATED_FACE}. Only the weights differ by caller.
 */
final class HitWarnings {

    private HitWarnings() {
    }

    /** The best hit that raises a blocklist warning (hits come best first). */
    static Optional<FaceIndex.Hit> blocklisted(List<FaceIndex.Hit> hits) {
        return hits.stream().filter(h -> h.face().blocklisted()).findFirst();
    }

    /** The best hit that raises a duplicate warning. */
    static Optional<FaceIndex.Hit> duplicated(List<FaceIndex.Hit> hits) {
        return hits.stream().filter(h -> !h.face().blocklisted() && !h.face().allowlisted() && h.face().verified())
                .findFirst();
    }

    /**
     * Details for the hits an answer lists, plus the two that raise warnings when they fall outside
     * the list, so a warning always names its session.
     */
    static List<IndexMatch> details(MatchDetails details, List<FaceIndex.Hit> listed, Optional<FaceIndex.Hit> blocked,
                                    Optional<FaceIndex.Hit> duplicated) {
        List<FaceIndex.Hit> needed = new ArrayList<>(listed);
        blocked.filter(h -> !needed.contains(h)).ifPresent(needed::add);
        duplicated.filter(h -> !needed.contains(h)).ifPresent(needed::add);
        return details.of(needed);
    }

    /**
     * @param possibleBlocklist weight of a blocklist hit in the possible band
     * @param duplicate weight of a duplicate hit
     */
    static List<Warning> of(List<IndexMatch> matches, Optional<FaceIndex.Hit> blocked, Optional<FaceIndex.Hit> duplicated,
                            SimilarityBands.Bands band, LogType possibleBlocklist, LogType duplicate, String nodeId) {
        List<Warning> warnings = new ArrayList<>();
        blocked.flatMap(h -> matchOf(matches, h)).ifPresent(m -> {
            boolean high = band.high(m.similarityPercentage());
            warnings.add(Warning.of(high ? Risk.FACE_IN_BLOCKLIST : Risk.POSSIBLE_FACE_IN_BLOCKLIST,
                    high ? LogType.ERROR : possibleBlocklist, nodeId, blocklistData(m)));
        });
        duplicated.flatMap(h -> matchOf(matches, h)).ifPresent(m -> warnings.add(Warning.of(
                band.high(m.similarityPercentage()) ? Risk.DUPLICATED_FACE : Risk.POSSIBLE_DUPLICATED_FACE,
                duplicate, nodeId, duplicateData(m))));
        return warnings;
    }

    private static Optional<IndexMatch> matchOf(List<IndexMatch> matches, FaceIndex.Hit hit) {
        return matches.stream().filter(m -> m.faceId().equals(hit.face().id())).findFirst();
    }

    private static Map<String, Object> blocklistData(IndexMatch m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("blocklisted_session_id", m.sessionId());
        data.put("blocklisted_session_number", m.sessionNumber());
        data.put("api_service", m.apiService());
        return data;
    }

    private static Map<String, Object> duplicateData(IndexMatch m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("duplicated_session_id", m.sessionId());
        data.put("duplicated_session_number", m.sessionNumber());
        return data;
    }
}
