package dev.likeness.faceindex;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The face_template sources that take part in 1:N search, with the {@code source} a match reports.
 * Session references ({@code portrait_image}) and document portraits are not indexed: the index
 * holds faces that were captured live, imported into a profile, or put on a list.
 */
public enum FaceSource {
    /** A session's liveness capture. */
    LIVENESS("liveness", "session"),
    /** A saved passive-liveness or age-estimation call. */
    STANDALONE("standalone", "session"),
    /** A saved face search; later searches never match it. */
    FACE_SEARCH("face_search", "session"),
    /** A face imported into a user's profile. */
    ENROLLED("enrolled", "imported"),
    /** A face owned by a list entry. */
    LIST_ENTRY("list_entry", "list_entry");

    private final String column;
    private final String wire;

    FaceSource(String column, String wire) {
        this.column = column;
        this.wire = wire;
    }

    /** The value in face_template.source. */
    public String column() {
        return column;
    }

    /** The value of a match's {@code source}. */
    public String wire() {
        return wire;
    }

    public static Optional<FaceSource> ofColumn(String value) {
        return Arrays.stream(values()).filter(s -> s.column.equals(value)).findFirst();
    }

    public static List<String> columns() {
        return Arrays.stream(values()).map(FaceSource::column).toList();
    }
}
