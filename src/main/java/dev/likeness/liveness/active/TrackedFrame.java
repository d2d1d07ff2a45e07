package dev.likeness.liveness.active;

import dev.likeness.face.landmarks.FaceMesh;

/**
 * One frame of a burst as the tracker saw it.
 *
 * @param mesh the face's landmarks, or null when no face was found in this frame
 * @param pose the pose relative to the burst's first face frame (null without a face)
 * @param motion landmark motion against the first face frame (null without a face)
 */
public record TrackedFrame(FaceMesh mesh, HeadPose pose, PlanarMotion motion) {

    public boolean hasFace() {
        return mesh != null;
    }
}
