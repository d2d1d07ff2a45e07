package dev.likeness.face.detect;

import dev.likeness.runtime.image.RgbRaster;

/**
 * The part of a raster one detector pass looks at, in raster pixels.
 *
 * @param raster the (possibly shrunk) image
 * @param x left edge
 * @param y top edge
 * @param width at least 1
 * @param height at least 1
 */
record RasterWindow(RgbRaster raster, int x, int y, int width, int height) {

    RasterWindow {
        if (x < 0 || y < 0 || width < 1 || height < 1 || x + width > raster.width() || y + height > raster.height()) {
            throw new IllegalArgumentException("window " + x + "," + y + " " + width + "x" + height
                    + " is outside the " + raster.width() + "x" + raster.height() + " raster");
        }
    }

    static RasterWindow whole(RgbRaster raster) {
        return new RasterWindow(raster, 0, 0, raster.width(), raster.height());
    }

    int longSide() {
        return Math.max(width, height);
    }
}
