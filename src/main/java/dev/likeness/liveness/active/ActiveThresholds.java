package dev.likeness.liveness.active;

/**
 * The numbers active liveness decides by, measured on the synthetic bursts of
 * {@code ActiveLivenessAnalyzerTest} (README, "Active liveness").
 */
public final class ActiveThresholds {

    /** A turn: yaw at least this far (degrees) from the first frame, and more than the pitch. */
    public static final double TURN_DEGREES = 15;
    /** A nod up or down: pitch at least this far (degrees) from the first frame, and more than the yaw. */
    public static final double NOD_DEGREES = 12;
    /** Below this non-similarity motion (inter-ocular distances) flatness cannot be judged. */
    public static final double MIN_DEFORMATION = 0.03;
    /** Homography residual (inter-ocular distances) below which the moving face is a flat picture. */
    public static final double FLAT_RESIDUAL = 0.035;
    /** Homography residual at which the depth part of the score is full. */
    public static final double DEEP_RESIDUAL = 0.06;
    /** Calibrated face-match score between frames below which they are not the same person. */
    public static final double SAME_PERSON_SCORE = 50;
    /** Tracked face centre moving further than this (inter-ocular distances) between frames is a jump. */
    public static final double JUMP = 1.5;
    /** Below this FaceMesh confidence the tracker has lost the face. */
    public static final double MESH_CONFIDENCE = 0.5;

    private ActiveThresholds() {
    }
}
