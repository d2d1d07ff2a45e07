package dev.likeness.face;

import dev.likeness.face.attributes.FaceResAnalyzer;
import dev.likeness.face.detect.BlazeFaceDetector;
import dev.likeness.face.detect.UltraLightFaceDetector;
import dev.likeness.face.embed.DlibFaceDescriptor;
import dev.likeness.face.embed.MobileFaceNetDescriptor;
import dev.likeness.face.landmarks.FaceMeshLandmarks;
import dev.likeness.face.landmarks.Landmarks68Locator;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.likeness.runtime.InferenceConfig;
import dev.likeness.runtime.InferenceEngines;

/**
 * Loads the face models once, at start-up, from the configured directory: BlazeFace, FaceMesh and
 * FaceRes always (active liveness tracks faces with the first two; FaceRes gives every pack its age
 * and gender), and the detector and recogniser of the configured {@link FaceModelPack}. A missing or unreadable
 * file stops the service with a message naming it and how to get it, rather than failing the first
 * request.
 */
@Startup
@ApplicationScoped
public class FaceModels implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FaceModels.class);
    private static final List<String> FILES = List.of("human/blazeface.json", "human/blazeface.bin",
            "human/facemesh.json", "human/facemesh.bin", "human/faceres.json", "human/faceres.bin");
    private static final List<String> V2_FILES = List.of("faceapi/face_recognition_model-weights_manifest.json",
            "faceapi/face_recognition_model.bin");
    private static final String FACEPLUGIN = "faceplugin";

    private final BlazeFaceDetector detector;
    private final FaceMeshLandmarks landmarks;
    private final FaceResAnalyzer faceRes;
    private final DlibFaceDescriptor descriptor;
    private final UltraLightFaceDetector ultraLight;
    private final Landmarks68Locator landmarks68;
    private final MobileFaceNetDescriptor mobileFaceNet;
    private final FaceModelPack pack;

    @Inject
    public FaceModels(InferenceConfig config, InferenceEngines engines, FacePackConfig packConfig) {
        this(config, engines, packConfig.modelPack());
    }

    public FaceModels(InferenceConfig config, InferenceEngines engines, FaceModelPack pack) {
        this.pack = pack;
        Path dir = Path.of(config.dir()).toAbsolutePath();
        List<String> files = new ArrayList<>(FILES);
        if (pack == FaceModelPack.V3) {
            for (String file : List.of(UltraLightFaceDetector.FILE, Landmarks68Locator.FILE, MobileFaceNetDescriptor.FILE)) {
                files.add(FACEPLUGIN + "/" + file);
            }
        } else {
            files.addAll(V2_FILES);
        }
        for (String file : files) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new IllegalStateException("Face model file " + dir.resolve(file) + " is missing. Run "
                        + "'src/main/models/fetch-models.sh " + dir + "' (or './mvnw generate-resources') to fetch and "
                        + "verify the models, or point likeness.models.dir (LIKENESS_MODELS_DIR) at a directory holding them.");
            }
        }
        try {
            this.detector = BlazeFaceDetector.load(dir, config.graphEngine());
            this.landmarks = FaceMeshLandmarks.load(dir, config.graphEngine());
            boolean v3 = pack == FaceModelPack.V3;
            Path faceplugin = dir.resolve(FACEPLUGIN);
            this.faceRes = FaceResAnalyzer.load(dir, config.graphEngine());
            this.descriptor = v3 ? null : DlibFaceDescriptor.load(dir.resolve("faceapi"));
            this.ultraLight = v3 ? UltraLightFaceDetector.load(faceplugin) : null;
            this.landmarks68 = v3 ? Landmarks68Locator.load(faceplugin) : null;
            this.mobileFaceNet = v3 ? MobileFaceNetDescriptor.load(faceplugin) : null;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Face models in " + dir + " could not be loaded (" + e.getMessage()
                    + "). Re-fetch them with src/main/models/fetch-models.sh; every file is checked against "
                    + "src/main/models/models.sha256.", e);
        }
        LOG.infof("face models loaded from %s (model pack %s)", dir, pack.name().toLowerCase());
    }

    public FaceModelPack pack() {
        return pack;
    }

    /** The v3 recogniser; null in the v2 pack. */
    public MobileFaceNetDescriptor mobileFaceNet() {
        return mobileFaceNet;
    }

    public BlazeFaceDetector detector() {
        return detector;
    }

    public FaceMeshLandmarks landmarks() {
        return landmarks;
    }

    /** Age and gender for every pack, and v2's fusion descriptor. */
    public FaceResAnalyzer faceRes() {
        return faceRes;
    }

    /** The v3 detector; null in the v2 pack. */
    public UltraLightFaceDetector ultraLight() {
        return ultraLight;
    }

    /** The v3 landmarks; null in the v2 pack. */
    public Landmarks68Locator landmarks68() {
        return landmarks68;
    }

    /** The v2 recogniser; null in the v3 pack. */
    public DlibFaceDescriptor descriptor() {
        return descriptor;
    }

    @PreDestroy
    @Override
    public void close() {
        detector.close();
        landmarks.close();
        for (AutoCloseable model : new AutoCloseable[] {faceRes, descriptor, ultraLight, landmarks68, mobileFaceNet}) {
            if (model != null) {
                try {
                    model.close();
                } catch (Exception e) {
                    LOG.debugf("closing a face model failed: %s", e.getMessage());
                }
            }
        }
    }
}
