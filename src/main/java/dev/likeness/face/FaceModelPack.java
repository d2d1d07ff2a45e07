package dev.likeness.face;

/**
 * Which recogniser matches faces, each with its own calibration so the public 0–100 score keeps
 * its meaning (score 30 about 1 false match in 1,000, 50 in 10,000, 70 in 100,000).
 */
public enum FaceModelPack {

    /** fr_detect, FaceMesh five points, ArcFace alignment, faceplugin's fr_feature MobileFaceNet (512-d). */
    V3("/calibration/face-match-v3.2.json"),
    /**
     * FaceMesh-aligned dlib ResNet (face-api's public-domain weights) fused with FaceRes, for
     * operators whose legal review rejects weights of unclear provenance.
     */
    V2("/calibration/face-match-v2.json");

    private final String calibration;

    FaceModelPack(String calibration) {
        this.calibration = calibration;
    }

    /** Classpath resource of the pack's {@link ScoreCalibration}. */
    public String calibration() {
        return calibration;
    }
}
