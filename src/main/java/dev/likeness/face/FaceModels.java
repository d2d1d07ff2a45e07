package dev.likeness.face;

import dev.likeness.face.attributes.FaceResAnalyzer;
import dev.likeness.face.detect.BlazeFaceDetector;
import dev.likeness.face.embed.DlibFaceDescriptor;
import dev.likeness.face.embed.MobileFaceNetDescriptor;
import dev.likeness.face.landmarks.FaceMeshLandmarks;
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

/**
 * Loads the face models once, at start-up, from the configured directory: detection, landmarks and
 * attributes always, and the recogniser of the configured {@link FaceModelPack}. A missing or unreadable
 * file stops the service with a message naming it and how to get it, rather than failing the first
 * request.
 */
@Startup
@ApplicationScoped
public class FaceModels implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FaceModels.class);
    private static final List<String> FILES = List.of("human/blazeface.json", "human/blazeface.bin",
            "human/facemesh.json", "human/facemesh.bin", "human/faceres.json", "human/faceres.bin", "faceapi/face_recognition_model-weights_manifest.json",
            "faceapi/face_recognition_model.bin");
    private static final String FACEPLUGIN = "faceplugin";

    private final BlazeFaceDetector detector;
    private final FaceMeshLandmarks landmarks;
    private final FaceResAnalyzer attributes;
    private final DlibFaceDescriptor descriptor;
    private final MobileFaceNetDescriptor mobileFaceNet;
    private final FaceModelPack pack;

    @Inject
    public FaceModels(InferenceConfig config, FacePackConfig packConfig) {
        this(config, packConfig.modelPack());
    }

    public FaceModels(InferenceConfig config, FaceModelPack pack) {
        this.pack = pack;
        // One intra-op thread per inference: requests run side by side on the cores instead of
        // contending for the same ones (measured: BlazeFace 60 ms vs 600+ ms on a busy 2-core box).
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(config.intraOpThreads()));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.offline", "true");
        Path dir = Path.of(config.dir()).toAbsolutePath();
        List<String> files = new ArrayList<>(FILES);
        if (pack == FaceModelPack.V3) {
            files.add(FACEPLUGIN + "/" + MobileFaceNetDescriptor.FILE);
        }
        for (String file : files) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new IllegalStateException("Face model file " + dir.resolve(file) + " is missing. Run "
                        + "'src/main/models/fetch-models.sh " + dir + "' (or './mvnw generate-resources') to fetch and "
                        + "verify the models, or point likeness.models.dir (LIKENESS_MODELS_DIR) at a directory holding them.");
            }
        }
        try {
            this.detector = BlazeFaceDetector.load(dir);
            this.landmarks = FaceMeshLandmarks.load(dir);
            this.attributes = FaceResAnalyzer.load(dir);
            this.descriptor = pack == FaceModelPack.V2 ? DlibFaceDescriptor.load(dir.resolve("faceapi")) : null;
            this.mobileFaceNet = pack == FaceModelPack.V3 ? MobileFaceNetDescriptor.load(dir.resolve(FACEPLUGIN)) : null;
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

    public FaceResAnalyzer attributes() {
        return attributes;
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
        attributes.close();
        if (descriptor != null) {
            descriptor.close();
        }
        if (mobileFaceNet != null) {
            mobileFaceNet.close();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
