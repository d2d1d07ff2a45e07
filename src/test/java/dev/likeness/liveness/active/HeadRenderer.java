package dev.likeness.liveness.active;

import dev.likeness.face.landmarks.FaceMesh;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A stand-in for a live head: the photo's face lifted onto the depth its own FaceMesh gives it and
 * turned in 3D. Each pixel of the face region gets a depth interpolated from the 468 landmarks
 * (inverse-distance weights), is rotated about a vertical or horizontal axis through the head's
 * centre (behind the face, where the neck turns it), projected with a pinhole camera and drawn with
 * a z-buffer (2 × 2 samples per source pixel, so turning never tears the surface). Pixels the turned
 * face uncovers take the colour around the head, as a plain wall would show.
 *
 * <p>This is a point-splatting rasteriser rather than textured triangles: the sampled surface is the
 * same, and it needs no triangulation of the mesh. It is not a person: see the README.
 */
final class HeadRenderer {

    /** Nose tip to cheek edge of a real head is about one inter-ocular distance; FaceMesh's z is rescaled to it. */
    private static final double NOSE_DEPTH_IOD = 1.0;
    /** The neck's axis lies about 1.5 inter-ocular distances behind the nose tip. */
    private static final double AXIS_BEHIND_NOSE_IOD = 1.6;
    private static final double REGION_GROWTH = 1.22;

    private final BufferedImage photo;
    private final int width;
    private final int height;
    private final double[] depth;
    private final boolean[] region;
    private final int backdrop;
    private final double focal;
    private final double axisX;
    private final double axisY;
    private final double axisZ;

    HeadRenderer(BufferedImage photo, FaceMesh mesh) {
        this.photo = photo;
        this.width = photo.getWidth();
        this.height = photo.getHeight();
        this.focal = 0.9 * Math.max(width, height);
        double iod = PlanarMotion.interOcular(mesh);
        double cheekZ = (mesh.z(HeadPose.LEFT_CHEEK) + mesh.z(HeadPose.RIGHT_CHEEK)) / 2;
        double zScale = NOSE_DEPTH_IOD * iod / Math.max(1e-3, cheekZ - mesh.z(1));
        double cx = 0, cy = 0;
        for (int i = 0; i < FaceMesh.COUNT; i++) {
            cx += mesh.x(i);
            cy += mesh.y(i);
        }
        cx /= FaceMesh.COUNT;
        cy /= FaceMesh.COUNT;
        double[][] hull = grow(hull(mesh), cx, cy, REGION_GROWTH);
        this.region = new boolean[width * height];
        this.depth = new double[width * height];
        long r = 0, g = 0, b = 0;
        int ring = 0;
        double[][] outer = grow(hull, cx, cy, 1.12);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (inside(hull, x + 0.5, y + 0.5)) {
                    region[y * width + x] = true;
                    depth[y * width + x] = zScale * interpolatedZ(mesh, x + 0.5, y + 0.5);
                } else if (inside(outer, x + 0.5, y + 0.5)) {
                    int rgb = photo.getRGB(x, y);
                    r += (rgb >> 16) & 0xff;
                    g += (rgb >> 8) & 0xff;
                    b += rgb & 0xff;
                    ring++;
                }
            }
        }
        ring = Math.max(1, ring);
        this.backdrop = (int) (r / ring) << 16 | (int) (g / ring) << 8 | (int) (b / ring);
        this.axisX = cx - width / 2.0;
        this.axisY = cy - height / 2.0;
        this.axisZ = focal + zScale * mesh.z(1) + AXIS_BEHIND_NOSE_IOD * iod;
    }

    /** @param yaw degrees, positive turns the subject to their left; @param pitch degrees, positive looks up */
    BufferedImage render(double yaw, double pitch) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[width * height];
        double[] zbuf = new double[width * height];
        Arrays.fill(zbuf, Double.MAX_VALUE);
        boolean[] written = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = region[y * width + x] ? backdrop : photo.getRGB(x, y) & 0xffffff;
            }
        }
        double cy = Math.cos(Math.toRadians(yaw)), sy = Math.sin(Math.toRadians(yaw));
        double cp = Math.cos(Math.toRadians(pitch)), sp = Math.sin(Math.toRadians(pitch));
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int idx = y * width + x;
                if (!region[idx]) {
                    continue;
                }
                int colour = photo.getRGB(x, y) & 0xffffff;
                for (double oy = 0.25; oy < 1; oy += 0.5) {
                    for (double ox = 0.25; ox < 1; ox += 0.5) {
                        double wz = focal + depth[idx];
                        // back-project at the pixel's depth so an unturned head renders as the photo
                        double wx = (x + ox - width / 2.0) * wz / focal - axisX;
                        double wy = (y + oy - height / 2.0) * wz / focal - axisY;
                        double dz = wz - axisZ;
                        double x1 = wx * cy - dz * sy;
                        double dz1 = wx * sy + dz * cy;
                        double y2 = wy * cp + dz1 * sp;
                        double dz2 = -wy * sp + dz1 * cp;
                        double z = axisZ + dz2;
                        int px = (int) Math.floor(focal * (x1 + axisX) / z + width / 2.0);
                        int py = (int) Math.floor(focal * (y2 + axisY) / z + height / 2.0);
                        if (px < 0 || py < 0 || px >= width || py >= height) {
                            continue;
                        }
                        int di = py * width + px;
                        if (z < zbuf[di]) {
                            zbuf[di] = z;
                            pixels[di] = colour;
                            written[di] = true;
                        }
                    }
                }
            }
        }
        fillPinholes(pixels, written);
        out.setRGB(0, 0, width, height, pixels, 0, width);
        return out;
    }

    /** A lone unwritten pixel amid the face is a sampling gap, not uncovered background. */
    private void fillPinholes(int[] pixels, boolean[] written) {
        int[] copy = pixels.clone();
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                if (written[y * width + x]) {
                    continue;
                }
                int n = 0, r = 0, g = 0, b = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int j = (y + dy) * width + x + dx;
                        if (written[j]) {
                            n++;
                            r += (copy[j] >> 16) & 0xff;
                            g += (copy[j] >> 8) & 0xff;
                            b += copy[j] & 0xff;
                        }
                    }
                }
                if (n >= 5) {
                    pixels[y * width + x] = (r / n) << 16 | (g / n) << 8 | (b / n);
                }
            }
        }
    }

    private static double interpolatedZ(FaceMesh mesh, double x, double y) {
        double wsum = 0, zsum = 0;
        for (int i = 0; i < FaceMesh.COUNT; i++) {
            double d2 = (mesh.x(i) - x) * (mesh.x(i) - x) + (mesh.y(i) - y) * (mesh.y(i) - y);
            if (d2 < 1e-6) {
                return mesh.z(i);
            }
            double w = 1 / (d2 * d2);
            wsum += w;
            zsum += w * mesh.z(i);
        }
        return zsum / wsum;
    }

    private static double[][] hull(FaceMesh mesh) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < FaceMesh.COUNT; i++) {
            pts.add(new double[] {mesh.x(i), mesh.y(i)});
        }
        pts.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double[][] h = new double[2 * pts.size()][];
        int k = 0;
        for (double[] p : pts) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], p) <= 0) {
                k--;
            }
            h[k++] = p;
        }
        for (int i = pts.size() - 2, lower = k + 1; i >= 0; i--) {
            double[] p = pts.get(i);
            while (k >= lower && cross(h[k - 2], h[k - 1], p) <= 0) {
                k--;
            }
            h[k++] = p;
        }
        return Arrays.copyOf(h, k - 1);
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static double[][] grow(double[][] polygon, double cx, double cy, double factor) {
        double[][] out = new double[polygon.length][];
        for (int i = 0; i < polygon.length; i++) {
            out[i] = new double[] {cx + (polygon[i][0] - cx) * factor, cy + (polygon[i][1] - cy) * factor};
        }
        return out;
    }

    private static boolean inside(double[][] convex, double x, double y) {
        for (int i = 0; i < convex.length; i++) {
            double[] a = convex[i], b = convex[(i + 1) % convex.length];
            if (cross(a, b, new double[] {x, y}) < 0) {
                return false;
            }
        }
        return true;
    }
}
