package dev.likeness.liveness.active;

import dev.likeness.face.FaceAnalysis;

import java.util.List;

/**
 * What an active-liveness burst showed, before any threshold of the workflow is applied.
 *
 * @param frames every frame, tracked
 * @param performed the head moves seen, in order (neutral stretches left out)
 * @param completed the moves seen are exactly the moves asked for, in order
 * @param deformation the largest non-similarity landmark motion (inter-ocular distances)
 * @param planarResidual landmark residual left by a homography on the most deformed frames
 *     (inter-ocular distances), or null when there was too little motion to judge
 * @param identityScore lowest calibrated face-match score between the best frame and the turned
 *     frames (0–100), or null when not measured
 * @param jumps how many times the tracked face leapt further than a head moves between two frames
 * @param bestFrame index of the most frontal, sharpest frame, or -1 without a face
 * @param best the engine's analysis of the best frame (descriptor, quality), or null
 */
public record ActiveFindings(List<TrackedFrame> frames, List<HeadMove> performed, boolean completed,
                             double deformation, Double planarResidual, Double identityScore, int jumps,
                             int bestFrame, FaceAnalysis best) {

    public long framesWithFace() {
        return frames.stream().filter(TrackedFrame::hasFace).count();
    }

    /** A flat picture moved around: enough motion, and one homography explains it. */
    public boolean flat() {
        return planarResidual != null && planarResidual < ActiveThresholds.FLAT_RESIDUAL;
    }

    /** Another face took over during the burst (a swapped picture, a second person). */
    public boolean inconsistent() {
        return jumps > 0 || (identityScore != null && identityScore < ActiveThresholds.SAME_PERSON_SCORE);
    }
}
