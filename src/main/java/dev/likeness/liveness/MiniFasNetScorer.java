package dev.likeness.liveness;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.translate.TranslateException;
import dev.likeness.face.DetectedFace;
import dev.likeness.liveness.MiniFasNetTranslator.FaceInFrame;
import dev.likeness.runtime.TorchModels;
import dev.likeness.runtime.image.PackedPixels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Passive single-frame anti-spoofing with Silent-Face-Anti-Spoofing's two MiniFASNet models,
 * scored as upstream does: the mean of both models' "real" softmax probabilities. The weights are
 * not shipped with the service (see {@link #isInstalled}); they load once, and
 * {@link #realScore} is safe to call from many threads.
 */
public final class MiniFasNetScorer implements AutoCloseable {

    /** Softmax index of the "real face" class; 0 and 2 are the two attack classes. */
    static final int REAL = 1;

    private final Map<MiniFasNetVariant, Model> models;

    private MiniFasNetScorer(Map<MiniFasNetVariant, Model> models) {
        this.models = models;
    }

    /** Whether {@code weightsDir} holds both models' upstream {@code .pth} weight files. */
    public static boolean isInstalled(Path weightsDir) {
        for (MiniFasNetVariant variant : MiniFasNetVariant.values()) {
            if (!Files.isRegularFile(weightsDir.resolve(variant.fileName))) {
                return false;
            }
        }
        return true;
    }

    /** The scorer, or empty when the weights are not installed in {@code weightsDir}. */
    public static Optional<MiniFasNetScorer> loadIfInstalled(Path weightsDir) throws IOException {
        return isInstalled(weightsDir) ? Optional.of(load(weightsDir)) : Optional.empty();
    }

    /** @throws NoSuchFileException if a model's weights are missing */
    public static MiniFasNetScorer load(Path weightsDir) throws IOException {
        Map<MiniFasNetVariant, Model> models = new EnumMap<>(MiniFasNetVariant.class);
        try {
            for (MiniFasNetVariant variant : MiniFasNetVariant.values()) {
                Path file = weightsDir.resolve(variant.fileName);
                if (!Files.isRegularFile(file)) {
                    throw new NoSuchFileException(file.toString(), null, "MiniFASNet weights not installed");
                }
                Model model = TorchModels.newModel("minifasnet-" + variant.name().toLowerCase());
                models.put(variant, model);
                model.setBlock(new MiniFasNet(MiniFasNetWeights.read(file, model.getNDManager())));
            }
        } catch (IOException | RuntimeException e) {
            models.values().forEach(Model::close);
            throw e;
        }
        return new MiniFasNetScorer(models);
    }

    /**
     * Probability-like score that {@code face} in {@code image} is a live face (1) rather than a
     * print or screen replay (0). The models rely on context around the face, so pass the whole
     * camera frame, not a face crop.
     */
    public float realScore(Image image, DetectedFace face) {
        FaceInFrame input = new FaceInFrame(PackedPixels.of(image), face);
        float sum = 0;
        for (Map.Entry<MiniFasNetVariant, Model> entry : models.entrySet()) {
            sum += classProbabilities(entry.getKey(), entry.getValue(), input)[REAL];
        }
        return sum / models.size();
    }

    /** One model's softmax over (attack, real, attack). */
    float[] classProbabilities(MiniFasNetVariant variant, Image image, DetectedFace face) {
        return classProbabilities(variant, models.get(variant), new FaceInFrame(PackedPixels.of(image), face));
    }

    private static float[] classProbabilities(MiniFasNetVariant variant, Model model, FaceInFrame input) {
        try (Predictor<FaceInFrame, float[]> predictor = model.newPredictor(new MiniFasNetTranslator(variant.scale))) {
            return predictor.predict(input);
        } catch (TranslateException e) {
            throw new IllegalStateException("MiniFASNet inference failed", e);
        }
    }

    @Override
    public void close() {
        models.values().forEach(Model::close);
    }
}
