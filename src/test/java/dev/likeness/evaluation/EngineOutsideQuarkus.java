package dev.likeness.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.face.FaceEngine;
import dev.likeness.face.FaceMatcher;
import dev.likeness.face.FaceModelPack;
import dev.likeness.face.FaceModels;
import dev.likeness.face.FaceQualityAssessor;
import dev.likeness.face.ScoreCalibration;
import dev.likeness.media.DecodeLimits;
import dev.likeness.media.ImageDecoder;
import dev.likeness.runtime.InferenceConfig;
import dev.likeness.runtime.tfjs.GraphEngine;
import dev.likeness.runtime.InferenceEngines;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The service's own face pipeline wired by hand, for evaluations and the calibration fit that run
 * as plain programs or JUnit tests without starting Quarkus.
 */
public final class EngineOutsideQuarkus {

    public final FaceModels models;
    public final FaceMatcher matcher;
    public final FaceEngine engine;
    public final ImageDecoder decoder = new ImageDecoder(DecodeLimits.DEFAULT);

    public EngineOutsideQuarkus(FaceModelPack pack, ScoreCalibration calibration) {
        InferenceConfig config = new InferenceConfig() {
            @Override
            public String dir() {
                return System.getProperty("likeness.models.dir", "target/models");
            }

            @Override
            public OptionalInt concurrency() {
                return OptionalInt.empty();
            }

            @Override
            public int intraOpThreads() {
                return 1;
            }

            @Override
            public GraphEngine graphEngine() {
                return GraphEngine.valueOf(System.getProperty("likeness.models.graph-engine", "onnx_runtime")
                        .toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }

            @Override
            public Duration queueTimeout() {
                return Duration.ofSeconds(10);
            }
        };
        this.models = new FaceModels(config, new InferenceEngines(config), pack);
        this.matcher = new FaceMatcher(calibration);
        this.engine = new FaceEngine(models, new FaceQualityAssessor(), matcher);
    }

    /** The pipeline of a pack with the calibration the service ships for it. */
    public static EngineOutsideQuarkus shipped(FaceModelPack pack) {
        return new EngineOutsideQuarkus(pack, ScoreCalibration.load(pack.calibration(), new ObjectMapper()));
    }
}
