package dev.likeness.face.landmarks;

import ai.djl.modality.cv.Image;
import dev.likeness.face.DetectedFace;
import dev.likeness.runtime.image.CropWindow;
import dev.likeness.runtime.image.PackedPixels;

/**
 * The square FaceMesh looks at: centred on the face, {@value #ENLARGE} times its size (human's
 * detector scale), and turned by the face's roll so the eyes lie level, as MediaPipe's own
 * pipeline feeds its landmark model.
 *
 * @param centreX centre in image pixels
 * @param centreY centre in image pixels
 * @param side side length in image pixels
 * @param roll angle of the eye line in radians (image y down, so positive turns clockwise)
 */
record MeshCrop(double centreX, double centreY, double side, double roll) {

    static final double ENLARGE = 1.4;

    /** Around a detection: its box, turned by the line from its right to its left eye keypoint. */
    static MeshCrop around(DetectedFace face) {
        double roll = Math.atan2(face.keypointY(DetectedFace.LEFT_EYE) - face.keypointY(DetectedFace.RIGHT_EYE),
                face.keypointX(DetectedFace.LEFT_EYE) - face.keypointX(DetectedFace.RIGHT_EYE));
        return new MeshCrop((face.x1() + face.x2()) / 2.0, (face.y1() + face.y2()) / 2.0,
                ENLARGE * Math.max(Math.abs(face.width()), Math.abs(face.height())), roll);
    }

    /**
     * Around an earlier mesh of the same face: centred on its extent and sized by it, turned by its
     * eye corners. The mesh spans forehead to chin, a little more than BlazeFace's box.
     */
    static MeshCrop around(FaceMesh mesh) {
        double roll = Math.atan2(mesh.y(FaceMesh.LEFT_EYE_OUTER) - mesh.y(FaceMesh.RIGHT_EYE_OUTER),
                mesh.x(FaceMesh.LEFT_EYE_OUTER) - mesh.x(FaceMesh.RIGHT_EYE_OUTER));
        double cos = Math.cos(roll), sin = Math.sin(roll);
        // extent measured in the face's own axes, so a tilted face does not look larger
        double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (int i = 0; i < FaceMesh.COUNT; i++) {
            double u = mesh.x(i) * cos + mesh.y(i) * sin;
            double v = -mesh.x(i) * sin + mesh.y(i) * cos;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        double u = (minU + maxU) / 2, v = (minV + maxV) / 2;
        return new MeshCrop(u * cos - v * sin, u * sin + v * cos, MESH_ENLARGE * Math.max(maxU - minU, maxV - minV), roll);
    }

    /** MediaPipe's tracking crop: the landmarks' extent enlarged 1.5 times. */
    private static final double MESH_ENLARGE = 1.5;

    double imageX(double u, double v) {
        double s = side / FaceMeshTranslator.SIZE;
        return centreX + Math.cos(roll) * (u * s - side / 2) - Math.sin(roll) * (v * s - side / 2);
    }

    double imageY(double u, double v) {
        double s = side / FaceMeshTranslator.SIZE;
        return centreY + Math.sin(roll) * (u * s - side / 2) + Math.cos(roll) * (v * s - side / 2);
    }

    /** The crop at {@code size} px, HWC RGB in 0–1, bilinear, black outside the image. */
    float[] sample(Image image, int size) {
        int w = image.getWidth(), h = image.getHeight();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double u = (corner & 1) * size, v = (corner >> 1) * size;
            minX = Math.min(minX, imageX(u, v));
            maxX = Math.max(maxX, imageX(u, v));
            minY = Math.min(minY, imageY(u, v));
            maxY = Math.max(maxY, imageY(u, v));
        }
        int left = clamp((int) Math.floor(minX) - 1, w - 1), right = clamp((int) Math.ceil(maxX) + 1, w - 1);
        int top = clamp((int) Math.floor(minY) - 1, h - 1), bottom = clamp((int) Math.ceil(maxY) + 1, h - 1);
        PackedPixels pixels = PackedPixels.window(image, new CropWindow(left, top, right, bottom));
        float[] out = new float[size * size * 3];
        // imageX/imageY are affine in (u, v): one step along a row or a column is a fixed offset,
        // so the 37k pixels need no trigonometry of their own.
        double dxCol = imageX(1, 0) - imageX(0, 0), dyCol = imageY(1, 0) - imageY(0, 0);
        double dxRow = imageX(0, 1) - imageX(0, 0), dyRow = imageY(0, 1) - imageY(0, 0);
        // pixel centres; -0.5 turns a continuous position into an index position
        double x00 = imageX(0.5, 0.5) - 0.5 - left, y00 = imageY(0.5, 0.5) - 0.5 - top;
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                double x = x00 + col * dxCol + row * dxRow;
                double y = y00 + col * dyCol + row * dyRow;
                int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
                double fx = x - x0, fy = y - y0;
                int tl = pixels.pixel(x0, y0), tr = pixels.pixel(x0 + 1, y0);
                int bl = pixels.pixel(x0, y0 + 1), br = pixels.pixel(x0 + 1, y0 + 1);
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    double topV = (1 - fx) * ((tl >> shift) & 0xff) + fx * ((tr >> shift) & 0xff);
                    double bottomV = (1 - fx) * ((bl >> shift) & 0xff) + fx * ((br >> shift) & 0xff);
                    out[(row * size + col) * 3 + c] = (float) (((1 - fy) * topV + fy * bottomV) / 255.0);
                }
            }
        }
        return out;
    }

    private static int clamp(int v, int hi) {
        return Math.max(0, Math.min(hi, v));
    }
}
