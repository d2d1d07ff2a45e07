package dev.likeness.face.detect;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import dev.likeness.face.DetectedFace;
import dev.likeness.runtime.image.RgbRaster;
import dev.likeness.runtime.tfjs.GraphEngine;
import dev.likeness.runtime.tfjs.TfjsGraphModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds faces with MediaPipe's full-range BlazeFace (human/blazeface.json, 256x256 input, 896
 * anchors). The image is read once, shrunk by area averaging to a 768 px long side. A first pass
 * sees the whole image letterboxed; when it finds nothing, or only faces smaller than an eighth
 * of the long side (an ID card on a desk, a distant subject), a second pass runs on overlapping
 * 256 px tiles of the 768 px copy (each a third of the long side), and weighted NMS merges both
 * passes. Boxes may extend past the image edges. Thread-safe: the model loads once and each call
 * uses its own predictor.
 */
public final class BlazeFaceDetector implements AutoCloseable {

    /** Outputs in the order {@link BlazeFaceTranslator} reads them. */
    private static final List<String> OUTPUTS = List.of("Identity", "Identity_1", "Identity_2", "Identity_3");
    /** A full-frame face smaller than this share of the image's long side is "tiny" and triggers tiling. */
    private static final float TINY_FACE = 1f / 8;
    /** Tiles are a third of the long side, so this copy makes each one exactly a model input. */
    private static final int TILED_SIDE = 3 * BlazeFaceAnchors.INPUT_SIZE;

    private final Model model;
    private final BlazeFaceTranslator translator;
    private final WeightedNms nms = new WeightedNms(0.3f, 0.6f);
    private final TilePlan tiles = new TilePlan(BlazeFaceAnchors.INPUT_SIZE, 0.75f);

    private BlazeFaceDetector(Model model, float minConfidence) {
        this.model = model;
        this.translator = new BlazeFaceTranslator(minConfidence);
    }

    /** Loads {@code human/blazeface.json} from the models directory, with a 0.5 score threshold. */
    public static BlazeFaceDetector load(Path modelsDir, GraphEngine engine) throws IOException {
        return new BlazeFaceDetector(TfjsGraphModel.load(modelsDir.resolve("human/blazeface.json"), OUTPUTS, engine), 0.5f);
    }

    /**
     * @return faces in the image's pixel coordinates, largest and most confident first
     *     (ordered by area times confidence); empty when none is found
     */
    public List<DetectedFace> detect(Image image) {
        try (Predictor<RasterWindow, List<DetectedFace>> predictor = model.newPredictor(translator);
                NDManager manager = NDManager.newBaseManager(model.getNDManager().getEngine().getEngineName())) {
            RgbRaster fine = RgbRaster.read(image, TILED_SIDE, manager);
            RgbRaster coarse = fine.shrinkTo(BlazeFaceAnchors.INPUT_SIZE);
            List<DetectedFace> candidates = new ArrayList<>(predictor.predict(RasterWindow.whole(coarse)));
            List<DetectedFace> faces = nms.apply(candidates);
            if (needsFinerPass(image, fine, faces)) {
                for (RasterWindow tile : tiles.tiles(fine)) {
                    candidates.addAll(predictor.predict(tile));
                }
                faces = nms.apply(candidates);
            }
            faces.sort(Comparator.comparingDouble((DetectedFace f) -> f.area() * f.confidence()).reversed());
            return faces;
        } catch (TranslateException e) {
            throw new IllegalStateException("face detection failed", e);
        }
    }

    private static boolean needsFinerPass(Image image, RgbRaster fine, List<DetectedFace> faces) {
        if (fine.longSide() < TILED_SIDE) {
            return false; // the image is small enough that tiles would be smaller than the model input
        }
        int longSide = Math.max(image.getWidth(), image.getHeight());
        float largest = 0;
        for (DetectedFace f : faces) {
            largest = Math.max(largest, Math.max(f.width(), f.height()));
        }
        return largest < TINY_FACE * longSide;
    }

    @Override
    public void close() {
        model.close();
    }
}
