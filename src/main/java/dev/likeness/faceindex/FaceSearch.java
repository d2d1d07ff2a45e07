package dev.likeness.faceindex;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Warning;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code POST /v3/face-search/}'s rules: the candidates of each search type,
 * their order, the cap, and the warnings. Unlike screening, faces of the same {@code vendor_data}
 * take part (a returning user finds their own sessions); faces enrolled by earlier searches never do.
 */
@ApplicationScoped
public class FaceSearch {

    /** {@code search_type}. */
    public enum SearchType {
        /** Every indexed face, most similar first. */
        MOST_SIMILAR("most_similar", face -> true,
                Comparator.comparingDouble(FaceIndex.Hit::score).reversed()),
        /** Blocklisted, allowlisted, approved-session and imported faces: blocklisted first, then allowlisted. */
        BLOCKLISTED_OR_APPROVED("blocklisted_or_approved",
                face -> face.blocklisted() || face.allowlisted() || face.verified(),
                Comparator.comparing((FaceIndex.Hit h) -> !h.face().blocklisted())
                        .thenComparing(h -> !h.face().allowlisted())
                        .thenComparing(Comparator.comparingDouble(FaceIndex.Hit::score).reversed()));

        private final String wire;
        private final Predicate<IndexedFace> candidate;
        private final Comparator<FaceIndex.Hit> order;

        SearchType(String wire, Predicate<IndexedFace> candidate, Comparator<FaceIndex.Hit> order) {
            this.wire = wire;
            this.candidate = candidate;
            this.order = order;
        }

        public String wire() {
            return wire;
        }

        public static Optional<SearchType> of(String value) {
            for (SearchType type : values()) {
                if (type.wire.equals(value)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** What a search found and the warnings it raises; Declined only on a blocklist warning. */
    public record Result(List<IndexMatch> matches, List<Warning> warnings) {
    }

    private final FaceIndex index;
    private final MatchDetails details;
    private final SimilarityBands bands;
    private final FaceIndexConfig config;

    public FaceSearch(FaceIndex index, MatchDetails details, SimilarityBands bands, FaceIndexConfig config) {
        this.index = index;
        this.details = details;
        this.bands = bands;
        this.config = config;
    }

    public Result search(UUID applicationId, float[] descriptor, SearchType type) {
        SimilarityBands.Bands band = bands.of(applicationId);
        List<FaceIndex.Hit> hits = new ArrayList<>(index.search(applicationId, descriptor, band.possible(),
                face -> face.source() != FaceSource.FACE_SEARCH && type.candidate.test(face)));
        hits.sort(type.order);
        List<FaceIndex.Hit> listed = hits.subList(0, Math.min(config.maxMatches(), hits.size()));
        // Warnings come from every hit, not only the listed ones: a blocklisted face ranked sixth still declines.
        Optional<FaceIndex.Hit> blocked = HitWarnings.blocklisted(hits);
        Optional<FaceIndex.Hit> duplicated = HitWarnings.duplicated(hits);
        List<IndexMatch> found = HitWarnings.details(details, listed, blocked, duplicated);
        List<Warning> warnings = HitWarnings.of(found, blocked, duplicated, band, LogType.ERROR, LogType.INFORMATION, null);
        List<IndexMatch> matches = found.stream()
                .filter(m -> listed.stream().anyMatch(h -> h.face().id().equals(m.faceId()))).toList();
        return new Result(matches, warnings);
    }
}
