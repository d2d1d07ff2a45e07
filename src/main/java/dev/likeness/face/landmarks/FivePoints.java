package dev.likeness.face.landmarks;

/**
 * The five points face recognisers align by, in image pixels, image left first: the eye on the
 * left of the photo, the other eye, the nose tip, the mouth corner on the left, the other corner.
 *
 * @param xy ten values, x and y per point
 */
public record FivePoints(double[] xy) {

    /** FaceMesh contours standing for the 68-point eye lids (37, 38, 40, 41 and 43, 44, 46, 47). */
    private static final int[] IMAGE_LEFT_EYE = {160, 158, 153, 144};
    private static final int[] IMAGE_RIGHT_EYE = {385, 387, 373, 380};
    private static final int NOSE_TIP = 4;
    /** Outer lip corner and inner lip corner on each side (68-point 48/60 and 54/64). */
    private static final int[] IMAGE_LEFT_MOUTH = {61, 78};
    private static final int[] IMAGE_RIGHT_MOUTH = {291, 308};

    public FivePoints {
        if (xy.length != 10) {
            throw new IllegalArgumentException("five points are ten coordinates, got " + xy.length);
        }
    }

    public static FivePoints of(FaceMesh mesh) {
        double[] xy = new double[10];
        mean(mesh, IMAGE_LEFT_EYE, xy, 0);
        mean(mesh, IMAGE_RIGHT_EYE, xy, 1);
        mean(mesh, new int[] {NOSE_TIP}, xy, 2);
        mean(mesh, IMAGE_LEFT_MOUTH, xy, 3);
        mean(mesh, IMAGE_RIGHT_MOUTH, xy, 4);
        return new FivePoints(xy);
    }

    private static void mean(FaceMesh mesh, int[] indices, double[] xy, int point) {
        double x = 0;
        double y = 0;
        for (int i : indices) {
            x += mesh.x(i);
            y += mesh.y(i);
        }
        xy[2 * point] = x / indices.length;
        xy[2 * point + 1] = y / indices.length;
    }
}
