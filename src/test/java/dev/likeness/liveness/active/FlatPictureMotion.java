package dev.likeness.liveness.active;

import java.awt.image.BufferedImage;

/**
 * A presentation attack: the photo as a flat sheet (or a phone screen showing it) held to the
 * camera and tilted, slid, brought closer and rolled to mimic the requested head moves. Every view
 * is one homography of the photo; frames are drawn by inverse mapping with bilinear sampling.
 */
final class FlatPictureMotion {

    private final BufferedImage photo;
    private final boolean screen;
    private final int width;
    private final int height;
    private final double focal;

    /** @param screen draw a black bezel, a brighter bluish backlight and a moiré pattern, as a phone replay shows */
    FlatPictureMotion(BufferedImage photo, boolean screen) {
        this.photo = photo;
        this.screen = screen;
        this.width = photo.getWidth();
        this.height = photo.getHeight();
        this.focal = 0.9 * Math.max(width, height);
    }

    /**
     * @param yaw degrees the sheet turns about its vertical centre line (positive: right edge away)
     * @param pitch degrees the sheet tilts about its horizontal centre line
     * @param roll degrees of in-plane rotation
     * @param scale how much closer the sheet is (1 = where the photo was taken)
     * @param dx shift of the sheet in pixels
     * @param dy shift of the sheet in pixels
     */
    BufferedImage render(double yaw, double pitch, double roll, double scale, double dx, double dy) {
        double cy = Math.cos(Math.toRadians(yaw)), sy = Math.sin(Math.toRadians(yaw));
        double cp = Math.cos(Math.toRadians(pitch)), sp = Math.sin(Math.toRadians(pitch));
        double cr = Math.cos(Math.toRadians(roll)), sr = Math.sin(Math.toRadians(roll));
        // sheet axes in camera space: R = pitch · yaw · roll applied to the sheet's own x and y axes
        double[] ex = rotate(new double[] {cr, sr, 0}, cy, sy, cp, sp);
        double[] ey = rotate(new double[] {-sr, cr, 0}, cy, sy, cp, sp);
        double[] c = {dx, dy, focal / scale};
        // dest = K [ex ey c] (u, v, 1): a homography; invert it to sample
        double[][] h = {
                {focal * ex[0] + width / 2.0 * ex[2], focal * ey[0] + width / 2.0 * ey[2], focal * c[0] + width / 2.0 * c[2]},
                {focal * ex[1] + height / 2.0 * ex[2], focal * ey[1] + height / 2.0 * ey[2], focal * c[1] + height / 2.0 * c[2]},
                {ex[2], ey[2], c[2]}};
        double[][] inv = invert(h);
        int bezel = screen ? Math.max(6, width / 25) : 0;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double w = inv[2][0] * (x + 0.5) + inv[2][1] * (y + 0.5) + inv[2][2];
                double u = (inv[0][0] * (x + 0.5) + inv[0][1] * (y + 0.5) + inv[0][2]) / w + width / 2.0;
                double v = (inv[1][0] * (x + 0.5) + inv[1][1] * (y + 0.5) + inv[1][2]) / w + height / 2.0;
                int colour;
                if (u >= 0 && v >= 0 && u < width - 1 && v < height - 1) {
                    colour = bilinear(u, v);
                    if (screen) {
                        colour = screenLook(colour, x, y);
                    }
                } else if (u >= -bezel && v >= -bezel && u < width + bezel && v < height + bezel) {
                    colour = screen ? 0x101010 : 0xf2f2ee;
                } else {
                    colour = 0x5a5650;
                }
                pixels[y * width + x] = colour;
            }
        }
        out.setRGB(0, 0, width, height, pixels, 0, width);
        return out;
    }

    private static double[] rotate(double[] v, double cy, double sy, double cp, double sp) {
        double x1 = v[0] * cy + v[2] * sy, z1 = -v[0] * sy + v[2] * cy;
        double y2 = v[1] * cp - z1 * sp, z2 = v[1] * sp + z1 * cp;
        return new double[] {x1, y2, z2};
    }

    /** Backlight, a slight blue cast and the beat of the screen's pixel grid with the camera's. */
    private static int screenLook(int rgb, int x, int y) {
        double moire = 1 + 0.10 * Math.sin(2 * Math.PI * (0.23 * x + 0.05 * y)) * Math.sin(2 * Math.PI * (0.04 * x - 0.19 * y));
        int r = clamp((((rgb >> 16) & 0xff) * 0.95 + 12) * moire);
        int g = clamp((((rgb >> 8) & 0xff) * 1.0 + 12) * moire);
        int b = clamp(((rgb & 0xff) * 1.08 + 20) * moire);
        return r << 16 | g << 8 | b;
    }

    private int bilinear(double u, double v) {
        int x0 = (int) u, y0 = (int) v;
        double fx = u - x0, fy = v - y0;
        int a = photo.getRGB(x0, y0), b = photo.getRGB(x0 + 1, y0), c = photo.getRGB(x0, y0 + 1), d = photo.getRGB(x0 + 1, y0 + 1);
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((a >> shift) & 0xff) * (1 - fx) + ((b >> shift) & 0xff) * fx;
            double bottom = ((c >> shift) & 0xff) * (1 - fx) + ((d >> shift) & 0xff) * fx;
            out |= clamp(top * (1 - fy) + bottom * fy) << shift;
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static double[][] invert(double[][] m) {
        double a = m[0][0], b = m[0][1], c = m[0][2], d = m[1][0], e = m[1][1], f = m[1][2], g = m[2][0], h = m[2][1], i = m[2][2];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[][] {
                {(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det},
                {(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det},
                {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}};
    }
}
