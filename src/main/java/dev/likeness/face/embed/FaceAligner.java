package dev.likeness.face.embed;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.DetectedFace;
import dev.likeness.face.landmarks.FaceMesh;
import dev.likeness.runtime.image.ChipSampler;
import dev.likeness.runtime.image.PackedPixels;
import dev.likeness.runtime.image.SimilarityTransform;

/**
 * Cuts the {@value DlibFaceDescriptor#CHIP_SIZE} px chip the dlib descriptor was trained on: a
 * similarity transform (rotation, uniform scale, shift) fitted by least squares from the face's
 * landmarks to where dlib's mean face puts them in a chip with 25 % padding (dlib's
 * {@code get_face_chip_details(shape, 150, 0.25)}). From a FaceMesh, 38 points stand in for dlib's
 * 68-point nose, eyes and mouth; from a detection alone, BlazeFace's eye, nose and mouth keypoints
 * (coarser: measured on the eval set, the mesh raises the dlib descriptor's TAR at FAR 1e-3 from
 * 0.83 to 0.96). Downscaling first averages
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

    /**
     * FaceMesh landmarks standing for dlib 68-point landmarks 30-67 (nose tip and base, eye
     * contours, mouth outline), with dlib's mean face position of each: {mesh index, x, y}. Brows
     * and jaw are left out: their mesh counterparts sit on different contours than dlib's, and
     * fitting them measured worse (dlib TAR at FAR 1e-3 0.948 with them against 0.964 without).
     */
    static final double[][] MESH_TEMPLATE = {
        {4, 0.490127, 0.515625},
        {75, 0.36688, 0.587326}, {97, 0.426036, 0.609345}, {2, 0.490127, 0.628106}, {326, 0.554217, 0.609345},
        {305, 0.613373, 0.587326},
        {33, 0.121737, 0.216423}, {160, 0.187122, 0.178758}, {158, 0.265825, 0.179852}, {133, 0.334606, 0.231733},
        {153, 0.260918, 0.245099}, {144, 0.182743, 0.244077},
        {362, 0.645647, 0.231733}, {385, 0.714428, 0.179852}, {387, 0.793132, 0.178758}, {263, 0.858516, 0.216423},
        {373, 0.79751, 0.244077}, {380, 0.719335, 0.245099},
        {61, 0.254149, 0.780233}, {39, 0.340985, 0.745405}, {37, 0.428858, 0.727388}, {0, 0.490127, 0.742578},
        {267, 0.551395, 0.727388}, {269, 0.639268, 0.745405}, {291, 0.726104, 0.780233}, {405, 0.642159, 0.864805},
        {314, 0.556721, 0.902192}, {17, 0.490127, 0.909281}, {84, 0.423532, 0.902192}, {181, 0.338094, 0.864805},
        {78, 0.290379, 0.784792}, {82, 0.428096, 0.778746}, {13, 0.490127, 0.785343}, {312, 0.552157, 0.778746},
        {308, 0.689874, 0.784792}, {317, 0.553364, 0.824182}, {14, 0.490127, 0.831803}, {87, 0.42689, 0.824182},
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
        return ImageFactory.getInstance().fromPixels(alignedPixels(PackedPixels.of(image), face),
                DlibFaceDescriptor.CHIP_SIZE, DlibFaceDescriptor.CHIP_SIZE);
    }

    /** The aligned RGB chip for the face {@code mesh} was found on in {@code image}. */
    public Image align(Image image, FaceMesh mesh) {
        double[] template = new double[2 * MESH_TEMPLATE.length];
        double[] photo = new double[2 * MESH_TEMPLATE.length];
        for (int i = 0; i < MESH_TEMPLATE.length; i++) {
            int k = (int) MESH_TEMPLATE[i][0];
            template[2 * i] = MESH_TEMPLATE[i][1];
            template[2 * i + 1] = MESH_TEMPLATE[i][2];
            photo[2 * i] = mesh.x(k);
            photo[2 * i + 1] = mesh.y(k);
        }
        return ImageFactory.getInstance().fromPixels(chip(PackedPixels.of(image), photo, template, padding),
                DlibFaceDescriptor.CHIP_SIZE, DlibFaceDescriptor.CHIP_SIZE);
    }

    int[] alignedPixels(PackedPixels source, DetectedFace face) {
        if (face.keypoints() == null || face.keypoints().length < 8) {
            throw new IllegalArgumentException("face alignment needs the eye, nose and mouth keypoints");
        }
        int n = keypoints.length;
        double[] template = new double[2 * n];
        double[] photo = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int k = keypoints[i];
            template[2 * i] = MEAN_FACE[k][0];
            template[2 * i + 1] = MEAN_FACE[k][1];
            photo[2 * i] = face.keypointX(k);
            photo[2 * i + 1] = face.keypointY(k);
        }
        return chip(source, photo, template, padding);
    }

    /**
     * The chip whose padded unit square holds {@code template}'s points where {@code photo}'s
     * corresponding points are (least squares); both are x,y pairs.
     */
    static int[] chip(PackedPixels source, double[] photo, double[] template, double padding) {
        double size = DlibFaceDescriptor.CHIP_SIZE;
        double[] chip = new double[template.length];
        for (int i = 0; i < template.length; i++) {
            chip[i] = (padding + template[i]) / (2 * padding + 1) * size;
        }
        int[] rgb = ChipSampler.sample(source, SimilarityTransform.fit(chip, photo), DlibFaceDescriptor.CHIP_SIZE);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] |= 0xff000000; // opaque: DJL's image factory reads these as ARGB
        }
        return rgb;
    }
}
