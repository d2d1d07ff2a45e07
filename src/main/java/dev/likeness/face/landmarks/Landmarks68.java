package dev.likeness.face.landmarks;

/**
 * The 68 iBUG/dlib face points in image pixels (0-based: 0–16 jaw, 27–35 nose, 36–41 the eye on
 * the left of the photo, 42–47 the other, 48–67 mouth).
 *
 * @param xy 136 values, x and y per point
 */
public record Landmarks68(float[] xy) {

    public Landmarks68 {
        if (xy.length != 136) {
            throw new IllegalArgumentException("68 points are 136 coordinates, got " + xy.length);
        }
    }

    public float x(int point) {
        return xy[2 * point];
    }

    public float y(int point) {
        return xy[2 * point + 1];
    }

    /**
     * The six keypoints a BlazeFace detection carries, in its order (subject's right eye, left eye,
     * nose tip, mouth centre, right and left tragion, the jaw line's ends standing in for the
     * ears), so quality and pose read the same fields whichever detector found the face.
     */
    public float[] blazeFaceKeypoints() {
        float[] out = new float[12];
        mean(new int[] {36, 37, 38, 39, 40, 41}, out, 0);
        mean(new int[] {42, 43, 44, 45, 46, 47}, out, 1);
        mean(new int[] {30}, out, 2);
        mean(new int[] {51, 57}, out, 3);
        mean(new int[] {0}, out, 4);
        mean(new int[] {16}, out, 5);
        return out;
    }

    private void mean(int[] points, float[] out, int slot) {
        float x = 0;
        float y = 0;
        for (int p : points) {
            x += x(p);
            y += y(p);
        }
        out[2 * slot] = x / points.length;
        out[2 * slot + 1] = y / points.length;
    }
}
