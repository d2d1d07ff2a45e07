package dev.likeness.face;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.attributes.FaceAttributes;
import dev.likeness.face.embed.ArcFaceAligner;
import dev.likeness.face.embed.FaceAligner;
import dev.likeness.face.landmarks.FaceMesh;
import dev.likeness.face.landmarks.FivePoints;
import dev.likeness.media.Orientation;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The face pipeline on one upright image: detection (optionally under the four right-angle
 * rotations), the largest face as the subject, its descriptor, quality and luminance, and age and
 * gender per face. v3: fr_detect (BlazeFace's tiled search when it finds nothing), fr_landmark's
 * eyes and nose to orient FaceMesh, FaceMesh's five points, ArcFace chip, MobileFaceNet. v2:
 * BlazeFace, FaceMesh, dlib on a mesh-aligned chip with its mirror image, fused with FaceRes as the
 * calibration says. Both take age and gender from FaceRes. Stateless: safe for concurrent calls.
 */
@ApplicationScoped
public class FaceEngine {

    /** Faces beyond this many get no age or gender: the subject and a few others are enough for the answer. */
    private static final int MAX_ATTRIBUTED_FACES = 5;
    /** Below this detector confidence a second look at the image inside a black frame is worth its cost. */
    private static final float CONFIDENT_DETECTION = 0.75f;
    private static final int FRAMED_LONG_SIDE = 1024;

    private final FaceModels models;
    private final FaceQualityAssessor quality;
    private final FaceMatcher matcher;
    private final FaceAligner aligner = new FaceAligner();
    private final ArcFaceAligner arcFaceAligner = new ArcFaceAligner();

    public FaceEngine(FaceModels models, FaceQualityAssessor quality, FaceMatcher matcher) {
        this.models = models;
        this.quality = quality;
        this.matcher = matcher;
    }

    public FaceAnalysis analyze(BufferedImage image, AnalysisOptions options) {
        BufferedImage chosen = image;
        int bestAngle = 0;
        List<DetectedFace> faces = detect(image);
        if (options.tryRotations()) {
            for (int angle : new int[] {90, 180, 270}) {
                BufferedImage turned = Orientation.clockwise(angle).upright(image);
                List<DetectedFace> found = detect(turned);
                if (topConfidence(found) > topConfidence(faces)) {
                    faces = found;
                    chosen = turned;
                    bestAngle = angle;
                }
            }
        }
        if (faces.isEmpty()) {
            return new FaceAnalysis(chosen, bestAngle, List.of(), null, null);
        }
        Image djlImage = ImageFactory.getInstance().fromImage(chosen);
        boolean v3 = models.pack() == FaceModelPack.V3;
        DetectedFace subject = faces.get(0);
        if (v3) {
            // fr_detect gives no eyes or nose; the 68 points (under a millisecond) give FaceMesh its
            // roll and the quality score its pose.
            subject = subject.withKeypoints(models.landmarks68().locate(chosen, subject).blazeFaceKeypoints());
        }
        List<AnalyzedFace> analyzed = new ArrayList<>(faces.size());
        FaceAttributes subjectAttributes = null;
        for (int i = 0; i < faces.size(); i++) {
            DetectedFace face = i == 0 ? subject : faces.get(i);
            if (options.attributes() && i < MAX_ATTRIBUTED_FACES) {
                FaceAttributes attributes = models.faceRes().analyze(djlImage, face);
                if (i == 0) {
                    subjectAttributes = attributes;
                }
                analyzed.add(new AnalyzedFace(face, (double) attributes.age(), attributes.gender()));
            } else {
                analyzed.add(new AnalyzedFace(face, null, null));
            }
        }
        float[] embedding = null;
        if (options.embed()) {
            // FaceMesh's five points beat fr_landmark's on the development split (TAR at FAR 1e-4
            // 97.2 % against 94.3 %, FNMR at score 70 6.4 % against 12.4 %), which pays for its cost.
            FaceMesh mesh = models.landmarks().locate(djlImage, subject);
            if (v3) {
                // The mirrored chip (7 ms more) moved no rate on the development split: FNMR at 30/50/70
                // 5/11/17 of 282 without it, 4/10/18 with it, TAR at FAR 1e-3 98.58 % both ways.
                Image chip = arcFaceAligner.align(djlImage, FivePoints.of(mesh));
                embedding = matcher.embedding(models.mobileFaceNet().describe(chip));
            } else {
                float[] dlib = models.descriptor().describeWithMirror(aligner.align(djlImage, mesh));
                DetectedFace v2Subject = subject;
                embedding = matcher.embedding(dlib, () -> models.faceRes().analyze(djlImage, v2Subject).descriptor(),
                        subjectAttributes == null ? null : subjectAttributes.descriptor());
            }
        }
        return new FaceAnalysis(chosen, bestAngle, analyzed, embedding, quality.assess(chosen, subject));
    }

    private List<DetectedFace> detect(BufferedImage image) {
        if (models.pack() == FaceModelPack.V3) {
            List<DetectedFace> faces = models.ultraLight().detect(image);
            if (!faces.isEmpty() && faces.get(0).confidence() >= CONFIDENT_DETECTION && !reachesTheEdge(faces.get(0), image)) {
                return faces;
            }
            // A face cut by the photo's edge, or barely recognised, may be one larger than the photo
            // (a tight crop, a selfie taken too close) that the detector sees only in part; framed,
            // it sees it whole.
            List<DetectedFace> framed = detectFramed(image, models.ultraLight()::detect);
            if (!framed.isEmpty() && (faces.isEmpty() || framed.get(0).area() > faces.get(0).area())) {
                return framed;
            }
            if (!faces.isEmpty()) {
                return faces;
            }
        }
        List<DetectedFace> faces = blazeFace(image);
        if (topConfidence(faces) < CONFIDENT_DETECTION) {
            // A face larger than the frame (a tight crop, a selfie taken too close) is one BlazeFace
            // cannot see whole; framed by a black border it can, and its box then reaches past the edges.
            List<DetectedFace> framed = detectFramed(image, this::blazeFace);
            if (topConfidence(framed) > topConfidence(faces)) {
                faces = framed;
            }
        }
        List<DetectedFace> sorted = new ArrayList<>(faces);
        sorted.sort(Comparator.comparingDouble(DetectedFace::area).reversed());
        return sorted;
    }

    private List<DetectedFace> blazeFace(BufferedImage image) {
        return models.detector().detect(ImageFactory.getInstance().fromImage(image));
    }

    /** fr_detect's boxes are clipped to the photo: one that touches an edge was cut there. */
    private static boolean reachesTheEdge(DetectedFace face, BufferedImage image) {
        return face.x1() <= 0 || face.y1() <= 0 || face.x2() >= image.getWidth() - 1 || face.y2() >= image.getHeight() - 1;
    }

    /**
     * Detection on the photo inside a black frame half its long side wide, the photo first shrunk to
     * a {@value #FRAMED_LONG_SIDE} px long side: a face this look is for fills the photo, so the
     * detectors lose nothing, and a faceless 16 MP upload does not become a 64 MP canvas.
     */
    private static List<DetectedFace> detectFramed(BufferedImage image, Function<BufferedImage, List<DetectedFace>> detector) {
        double scale = Math.min(1.0, (double) FRAMED_LONG_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        int border = Math.max(w, h) / 2;
        BufferedImage framed = new BufferedImage(w + 2 * border, h + 2 * border, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = framed.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, border, border, w, h, null);
        } finally {
            g.dispose();
        }
        double sx = (double) image.getWidth() / w;
        double sy = (double) image.getHeight() / h;
        List<DetectedFace> faces = new ArrayList<>();
        for (DetectedFace f : detector.apply(framed)) {
            float[] keypoints = f.keypoints().clone();
            for (int i = 0; i < keypoints.length; i++) {
                keypoints[i] = (float) ((keypoints[i] - border) * (i % 2 == 0 ? sx : sy));
            }
            faces.add(new DetectedFace((float) ((f.x1() - border) * sx), (float) ((f.y1() - border) * sy),
                    (float) ((f.x2() - border) * sx), (float) ((f.y2() - border) * sy), f.confidence(), keypoints));
        }
        return faces;
    }

    private static float topConfidence(List<DetectedFace> faces) {
        return faces.isEmpty() ? 0 : (float) faces.stream().mapToDouble(DetectedFace::confidence).max().orElse(0);
    }
}
