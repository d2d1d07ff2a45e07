package dev.likeness.faceindex;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code likeness.face-index.*}: similarity bands of duplicate and blocklist screening, and index upkeep. */
@ConfigMapping(prefix = "likeness.face-index")
public interface FaceIndexConfig {

    /**
     * Lower edge of the "possible" band on the calibrated 0–100 scale (inclusive), also the floor
     * below which face search returns nothing. 80 is a model false-match rate of about 3e-6 per
     * comparison: about 0.3 false "possible" hits per search of a 100,000-face gallery.
     */
    @WithDefault("80")
    double possibleThreshold();

    /**
     * Lower edge of the "high" band (inclusive): {@code FACE_IN_BLOCKLIST} and {@code DUPLICATED_FACE}.
     * 90 is a model false-match rate of 1e-6: 0.1 expected false "high" hits per search of
     * 100,000 faces.
     */
    @WithDefault("90")
    double highThreshold();

    /** Most matches an answer lists, best first. */
    @WithDefault("5")
    int maxMatches();

    /** How long change-log rows are kept; a pod idle for longer reloads a gallery whole. */
    @WithDefault("P1D")
    Duration changeRetention();

    /** Listen for other pods' changes with PostgreSQL LISTEN/NOTIFY (searches catch up from the log anyway). */
    @WithDefault("true")
    boolean listen();
}
