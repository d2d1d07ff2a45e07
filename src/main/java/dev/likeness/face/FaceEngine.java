package dev.likeness.face;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.attributes.FaceAttributes;
import dev.likeness.face.embed.FaceAligner;
import dev.likeness.face.landmarks.FaceMesh;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The face pipeline on one upright image: detection (optionally under the four right-angle
 * rotations), the largest face as the subject, its descriptor (dlib on a chip aligned by the
 * subject's FaceMesh, with its mirror image, fused with FaceRes as the calibration says), quality
 * and luminance, and age and gender per face. Stateless: safe for concurrent calls.
 */
@ApplicationScoped
public class FaceEngine {

    /** Faces beyond this many get no age or gender: the subject and a few others are enough for the answer. */
    private static final int MAX_ATTRIBUTED_FACES = 5;

    private final FaceModels models;
    private final FaceQualityAssessor quality;
    private final FaceMatcher matcher;
    private final FaceAligner aligner = new FaceAligner();

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
            float[] dlib = models.descriptor().describeWithMirror(aligner.align(djlImage, mesh));
            embedding = matcher.embedding(dlib, () -> models.attributes().analyze(djlImage, subject).descriptor(),
                    subjectAttributes == null ? null : subjectAttributes.descriptor());
        }
        return new FaceAnalysis(chosen, bestAngle, analyzed, embedding, quality.assess(chosen, subject));
    }

    private List<DetectedFace> detect(BufferedImage image) {
        List<DetectedFace> faces = new ArrayList<>(models.detector().detect(ImageFactory.getInstance().fromImage(image)));
        faces.sort(Comparator.comparingDouble(DetectedFace::area).reversed());
        return faces;
    }

    private static float topConfidence(List<DetectedFace> faces) {
        return faces.isEmpty() ? 0 : (float) faces.stream().mapToDouble(DetectedFace::confidence).max().orElse(0);
    }
}
