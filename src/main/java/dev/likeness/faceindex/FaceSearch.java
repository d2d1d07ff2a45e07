package dev.likeness.faceindex;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code POST /v3/face-search/}'s rules (face index spec §2): the candidates of each search type,
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
        List<IndexMatch> matches = details.of(hits.subList(0, Math.min(config.maxMatches(), hits.size())));

        List<Warning> warnings = new ArrayList<>();
        matches.stream().filter(IndexMatch::isBlocklisted)
                .max(Comparator.comparingDouble(IndexMatch::similarityPercentage))
                .ifPresent(m -> warnings.add(Warning.of(band.high(m.similarityPercentage())
                        ? Risk.FACE_IN_BLOCKLIST : Risk.POSSIBLE_FACE_IN_BLOCKLIST, LogType.ERROR, null,
                        FaceScreening.blocklisted(m))));
        hits.stream().filter(h -> !h.face().blocklisted() && !h.face().allowlisted() && h.face().verified()).findFirst()
                .flatMap(h -> matches.stream().filter(m -> m.faceId().equals(h.face().id())).findFirst())
                .ifPresent(m -> warnings.add(Warning.of(band.high(m.similarityPercentage())
                        ? Risk.DUPLICATED_FACE : Risk.POSSIBLE_DUPLICATED_FACE, LogType.INFORMATION, null,
                        FaceScreening.duplicatedBy(m))));
        return new Result(matches, warnings);
    }
}
