package dev.likeness.face.detect;

import dev.likeness.runtime.image.RgbRaster;
import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping square tiles over a raster, neighbours overlapping by at least a quarter of a tile
 * so a face smaller than that overlap lies wholly inside some tile.
 */
final class TilePlan {

    private final int side;
    private final float maxStrideFraction;

    TilePlan(int side, float maxStrideFraction) {
        this.side = side;
        this.maxStrideFraction = maxStrideFraction;
    }

    List<RasterWindow> tiles(RgbRaster raster) {
        int s = Math.min(side, Math.min(raster.width(), raster.height()));
        List<RasterWindow> tiles = new ArrayList<>();
        for (int y : starts(raster.height(), s)) {
            for (int x : starts(raster.width(), s)) {
                tiles.add(new RasterWindow(raster, x, y, s, s));
            }
        }
        return tiles;
    }

    private int[] starts(int length, int s) {
        if (length <= s) {
            return new int[] {0};
        }
        int maxStride = Math.max(1, (int) (s * maxStrideFraction));
        int n = (length - s + maxStride - 1) / maxStride + 1;
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = (int) Math.round((double) i * (length - s) / (n - 1));
        }
        return starts;
    }
}
