package dev.likeness.liveness.active;

import dev.likeness.face.landmarks.FaceMesh;

/**
 * Where a face points, in degrees, from its FaceMesh landmarks in an unmirrored camera frame:
 * {@code yaw} is positive when the user turns to their own left (the nose moves to the image's
 * right), {@code pitch} positive when they look up.
 *
 * <p>The face's own axes are taken from the 3D landmarks: across from cheek to cheek and down
 * from forehead to chin; the normal to both points out of the face. Using the whole face rather
 * than the nose alone keeps a wide or narrow face from reading as a turn.
 */
public record HeadPose(double yaw, double pitch) {

    static final int RIGHT_CHEEK = 234;
    static final int LEFT_CHEEK = 454;
    static final int FOREHEAD = 10;
    static final int CHIN = 152;

    public static HeadPose of(FaceMesh mesh) {
        double[] across = difference(mesh, LEFT_CHEEK, RIGHT_CHEEK);
        double[] down = difference(mesh, CHIN, FOREHEAD);
        // image axes: x right, y down, z away from the camera; across × down points into the head
        double nx = -(across[1] * down[2] - across[2] * down[1]);
        double ny = -(across[2] * down[0] - across[0] * down[2]);
        double nz = -(across[0] * down[1] - across[1] * down[0]);
        double yaw = Math.toDegrees(Math.atan2(nx, -nz));
        double pitch = Math.toDegrees(Math.atan2(-ny, Math.hypot(nx, nz)));
        return new HeadPose(yaw, pitch);
    }

    /** This pose seen from a reference pose (the user's own frontal position). */
    public HeadPose relativeTo(HeadPose reference) {
        return new HeadPose(yaw - reference.yaw, pitch - reference.pitch);
    }

    public double deviation() {
        return Math.hypot(yaw, pitch);
    }

    private static double[] difference(FaceMesh mesh, int a, int b) {
        return new double[] {mesh.x(a) - mesh.x(b), mesh.y(a) - mesh.y(b), mesh.z(a) - mesh.z(b)};
    }
}
