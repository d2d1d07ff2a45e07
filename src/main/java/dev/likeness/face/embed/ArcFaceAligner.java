package dev.likeness.face.embed;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.landmarks.FivePoints;
import dev.likeness.runtime.image.ChipSampler;
import dev.likeness.runtime.image.SimilarityTransform;

/**
 * Cuts the 112 px chip ArcFace-style recognisers are trained on: the similarity transform
 * (rotation, uniform scale, shift; no shear, which costs recognisers their accuracy) fitted by least
 * squares from the face's five points to InsightFace's template. Outside the image the chip is
 * black; large photos are block-averaged before sampling so a small chip does not alias.
 */
public final class ArcFaceAligner {

    public static final int CHIP_SIZE = 112;

    /**
     * InsightFace's five-point template for 112x112 (eyes, nose tip, mouth corners; image left
     * first), in OpenCV pixel coordinates where a pixel's centre is an integer.
     */
    static final double[] TEMPLATE = {
        38.2946, 51.6963, 73.5318, 51.5014, 56.0252, 71.7366, 41.5493, 92.3655, 70.7299, 92.2041,
    };

    public Image align(Image image, FivePoints points) {
        double[] chip = new double[TEMPLATE.length];
        for (int i = 0; i < chip.length; i++) {
            chip[i] = TEMPLATE[i] + 0.5; // the sampler's pixel centres sit at half-integers
        }
        int[] rgb = ChipSampler.sample(image, SimilarityTransform.fit(chip, points.xy()), CHIP_SIZE);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] |= 0xff000000;
        }
        return ImageFactory.getInstance().fromPixels(rgb, CHIP_SIZE, CHIP_SIZE);
    }
}
