package dev.likeness.face;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.attributes.FaceAttributes;
import dev.likeness.face.embed.ArcFaceAligner;
import dev.likeness.face.embed.FaceAligner;
import dev.likeness.face.landmarks.FaceMesh;
import dev.likeness.face.landmarks.FivePoints;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The face pipeline on one upright image: detection (optionally under the four right-angle
 * rotations), the largest face as the subject, its descriptor from the subject's FaceMesh (v3:
 * five points, ArcFace chip, MobileFaceNet; v2: dlib on a mesh-aligned chip with its mirror image,
 * fused with FaceRes as the calibration says), quality and luminance, and age and gender per face.
 * Stateless: safe for concurrent calls.
 */
@ApplicationScoped
public class FaceEngine {

    /** Faces beyond this many get no age or gender: the subject and a few others are enough for the answer. */
    private static final int MAX_ATTRIBUTED_FACES = 5;
    /** Below this detector confidence a second look at the image inside a black frame is worth its cost. */
    private static final float CONFIDENT_DETECTION = 0.75f;

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
                BufferedImage turned = QuarterTurns.rotate(image, angle);
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
        List<AnalyzedFace> analyzed = new ArrayList<>(faces.size());
        FaceAttributes subjectAttributes = null;
        for (int i = 0; i < faces.size(); i++) {
            DetectedFace face = faces.get(i);
            if (options.attributes() && i < MAX_ATTRIBUTED_FACES) {
                FaceAttributes attributes = models.attributes().analyze(djlImage, face);
                if (i == 0) {
                    subjectAttributes = attributes;
                }
                analyzed.add(new AnalyzedFace(face, (double) attributes.age(), attributes.gender()));
            } else {
                analyzed.add(new AnalyzedFace(face, null, null));
            }
        }
        DetectedFace subject = faces.get(0);
        float[] embedding = null;
        if (options.embed()) {
            FaceMesh mesh = models.landmarks().locate(djlImage, subject);
            if (models.pack() == FaceModelPack.V3) {
                Image chip = arcFaceAligner.align(djlImage, FivePoints.of(mesh));
                embedding = matcher.embedding(models.mobileFaceNet().describeWithMirror(chip));
            } else {
                float[] dlib = models.descriptor().describeWithMirror(aligner.align(djlImage, mesh));
                embedding = matcher.embedding(dlib, () -> models.attributes().analyze(djlImage, subject).descriptor(),
                        subjectAttributes == null ? null : subjectAttributes.descriptor());
            }
        }
        return new FaceAnalysis(chosen, bestAngle, analyzed, embedding, quality.assess(chosen, subject));
    }

    private List<DetectedFace> detect(BufferedImage image) {
        List<DetectedFace> faces = models.detector().detect(ImageFactory.getInstance().fromImage(image));
        if (topConfidence(faces) < CONFIDENT_DETECTION) {
            // A face larger than the frame (a tight crop, a selfie taken too close) is one BlazeFace
            // cannot see whole; framed by a black border it can, and its box then reaches past the edges.
            List<DetectedFace> framed = detectFramed(image);
            if (topConfidence(framed) > topConfidence(faces)) {
                faces = framed;
            }
        }
        List<DetectedFace> sorted = new ArrayList<>(faces);
        sorted.sort(Comparator.comparingDouble(DetectedFace::area).reversed());
        return sorted;
    }

    private List<DetectedFace> detectFramed(BufferedImage image) {
        int border = Math.max(image.getWidth(), image.getHeight()) / 2;
        BufferedImage framed = new BufferedImage(image.getWidth() + 2 * border, image.getHeight() + 2 * border,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = framed.createGraphics();
        try {
            g.drawImage(image, border, border, null);
        } finally {
            g.dispose();
        }
        List<DetectedFace> faces = new ArrayList<>();
        for (DetectedFace f : models.detector().detect(ImageFactory.getInstance().fromImage(framed))) {
            float[] keypoints = f.keypoints().clone();
            for (int i = 0; i < keypoints.length; i++) {
                keypoints[i] -= border;
            }
            faces.add(new DetectedFace(f.x1() - border, f.y1() - border, f.x2() - border, f.y2() - border,
                    f.confidence(), keypoints));
        }
        return faces;
    }

    private static float topConfidence(List<DetectedFace> faces) {
        return faces.isEmpty() ? 0 : (float) faces.stream().mapToDouble(DetectedFace::confidence).max().orElse(0);
    }
}
