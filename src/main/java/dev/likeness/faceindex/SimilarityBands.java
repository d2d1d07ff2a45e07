package dev.likeness.faceindex;

import dev.likeness.security.Application;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.UUID;

/** The "possible" and "high" similarity bands in force for an application: its own, else the configured defaults. */
@ApplicationScoped
public class SimilarityBands {

    /** Both bands are inclusive lower edges on the calibrated 0–100 scale. */
    public record Bands(double possible, double high) {

        public boolean high(double score) {
            return score >= high;
        }
    }

    private final FaceIndexConfig config;

    public SimilarityBands(FaceIndexConfig config) {
        this.config = config;
    }

    public Bands of(UUID applicationId) {
        Application application = Application.findById(applicationId);
        double possible = value(application == null ? null : application.facePossibleThreshold, config.possibleThreshold());
        double high = value(application == null ? null : application.faceHighThreshold, config.highThreshold());
        return new Bands(Math.min(possible, high), high);
    }

    private static double value(BigDecimal own, double fallback) {
        return own == null ? fallback : own.doubleValue();
    }
}
