package dev.likeness.face.embed;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.DetectedFace;

/**
 * Cuts the {@value DlibFaceDescriptor#CHIP_SIZE} px chip the dlib descriptor was trained on: a
 * similarity transform (rotation, uniform scale, shift) fitted by least squares from the face's
 * eye centres, nose tip and mouth centre to where dlib's mean face puts them in a chip with 25 %
 * padding (dlib's {@code get_face_chip_details(shape, 150, 0.25)}). Downscaling first averages
 * whole pixel blocks and then samples bilinearly, like dlib's pyramid, so large photos do not
 * alias. Outside the image the chip is black, as in dlib and face-api.
 */
public final class FaceAligner {

    /** dlib's chip padding for the face recognition model: a quarter of the face size per side. */
    static final double PADDING = 0.25;

    /**
     * Keypoints of dlib's mean face in a unit square (chip without padding): the means of the
     * 68-point model's eye contours (36-41, 42-47), its nose tip (30) and mouth contour (48-67),
     * matching BlazeFace's eye, nose and mouth keypoints in {@link DetectedFace} order.
     */
    static final double[][] MEAN_FACE = {
        {0.225492, 0.215990}, // subject's right eye
        {0.754761, 0.215990}, // subject's left eye
        {0.490127, 0.515625}, // nose tip
        {0.490127, 0.804225}, // mouth centre
    };

    private final double padding;
    private final int[] keypoints;

    public FaceAligner() {
        this(PADDING, new int[] {DetectedFace.RIGHT_EYE, DetectedFace.LEFT_EYE, DetectedFace.NOSE, DetectedFace.MOUTH});
    }

    /**
     * For re-tuning against a different detector's keypoints (the defaults were chosen with
     * 68-landmark-derived points, see the evaluation test).
     *
     * @param keypoints which of {@link #MEAN_FACE}'s points to fit (DetectedFace indices 0-3)
     */
    FaceAligner(double padding, int[] keypoints) {
        this.padding = padding;
        this.keypoints = keypoints.clone();
    }

    /** The aligned RGB chip for {@code face}, found in {@code image}. */
    public Image align(Image image, DetectedFace face) {
        return ImageFactory.getInstance().fromPixels(alignedPixels(ImagePixels.of(image), face),
                DlibFaceDescriptor.CHIP_SIZE, DlibFaceDescriptor.CHIP_SIZE);
    }

    int[] alignedPixels(ImagePixels source, DetectedFace face) {
        if (face.keypoints() == null || face.keypoints().length < 8) {
            throw new IllegalArgumentException("face alignment needs the eye, nose and mouth keypoints");
        }
        int n = keypoints.length;
        double[] chip = new double[2 * n];
        double[] photo = new double[2 * n];
        double size = DlibFaceDescriptor.CHIP_SIZE;
        for (int i = 0; i < n; i++) {
            int k = keypoints[i];
            chip[2 * i] = (padding + MEAN_FACE[k][0]) / (2 * padding + 1) * size;
            chip[2 * i + 1] = (padding + MEAN_FACE[k][1]) / (2 * padding + 1) * size;
            photo[2 * i] = face.keypointX(k);
            photo[2 * i + 1] = face.keypointY(k);
        }
        int[] rgb = ChipSampler.sample(source, SimilarityTransform.fit(chip, photo), DlibFaceDescriptor.CHIP_SIZE);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] |= 0xff000000; // opaque: DJL's image factory reads these as ARGB
        }
        return rgb;
    }
}
