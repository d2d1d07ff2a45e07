package dev.likeness.face;

/**
 * One face found in an image, in that image's pixel coordinates (after EXIF orientation).
 *
 * @param x1 left edge
 * @param y1 top edge
 * @param x2 right edge
 * @param y2 bottom edge
 * @param confidence detector score, 0–1
 * @param keypoints BlazeFace's six landmarks as x,y pairs (12 values; none from fr_detect until
 *     {@link #withKeypoints} adds them), in this order: the
 *     subject's right eye, left eye, nose tip, mouth centre, right ear tragion, left ear tragion
 *     (the subject's right eye appears on the left of an unmirrored photo)
 */
public record DetectedFace(float x1, float y1, float x2, float y2, float confidence, float[] keypoints) {

    public static final int RIGHT_EYE = 0;
    public static final int LEFT_EYE = 1;
    public static final int NOSE = 2;
    public static final int MOUTH = 3;
    public static final int RIGHT_EAR = 4;
    public static final int LEFT_EAR = 5;

    /** The same box with keypoints found later (fr_detect gives none; the landmark model does). */
    public DetectedFace withKeypoints(float[] points) {
        return new DetectedFace(x1, y1, x2, y2, confidence, points);
    }

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    public float area() {
        return Math.max(0, width()) * Math.max(0, height());
    }

    public float keypointX(int index) {
        return keypoints[2 * index];
    }

    public float keypointY(int index) {
        return keypoints[2 * index + 1];
    }
}
