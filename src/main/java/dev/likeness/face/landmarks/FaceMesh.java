package dev.likeness.face.landmarks;

/**
 * MediaPipe FaceMesh's 468 landmarks of one face, in the pixel coordinates of the image the face
 * was found in. Indices follow MediaPipe's canonical face model (e.g. 33 and 133 are the outer and
 * inner corners of the subject's right eye, 263 and 362 of the left eye, 1 the nose tip).
 *
 * @param points x, y, z for each landmark ({@value #COUNT} * 3 floats); z is depth relative to the
 *     face's centre plane in the same pixel scale as x and y, smaller is nearer the camera
 * @param confidence the model's face-presence score, 0–1 (low means the crop held no real face)
 */
public record FaceMesh(float[] points, float confidence) {

    public static final int COUNT = 468;
    /** Outer corner of the subject's right eye (on the left of an unmirrored photo). */
    public static final int RIGHT_EYE_OUTER = 33;
    /** Outer corner of the subject's left eye. */
    public static final int LEFT_EYE_OUTER = 263;

    public FaceMesh {
        if (points.length != 3 * COUNT) {
            throw new IllegalArgumentException("a face mesh has " + COUNT + " points, got " + points.length / 3);
        }
    }

    public float x(int index) {
        return points[3 * index];
    }

    public float y(int index) {
        return points[3 * index + 1];
    }

    public float z(int index) {
        return points[3 * index + 2];
    }
}
