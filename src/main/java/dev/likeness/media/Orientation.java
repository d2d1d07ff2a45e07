package dev.likeness.media;

import dev.likeness.runtime.image.PackedPixels;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The eight EXIF orientations: how the stored pixels must be turned to show the scene upright.
 * Phones store the sensor's rows and tag the file instead of rotating pixels.
 */
public enum Orientation {
    /** 1: stored upright. */
    NORMAL(1),
    /** 2: stored mirrored left to right. */
    MIRROR_HORIZONTAL(2),
    /** 3: stored upside down. */
    ROTATE_180(3),
    /** 4: stored mirrored top to bottom. */
    MIRROR_VERTICAL(4),
    /** 5: stored mirrored along the top-left to bottom-right diagonal. */
    TRANSPOSE(5),
    /** 6: shown after turning the stored image 90° clockwise (phone held upright, home button down). */
    ROTATE_90_CW(6),
    /** 7: stored mirrored along the top-right to bottom-left diagonal. */
    TRANSVERSE(7),
    /** 8: shown after turning the stored image 90° counter-clockwise. */
    ROTATE_270_CW(8);

    private static final int TILE = 64;

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    public int exifValue() {
        return exifValue;
    }

    /** The orientation for a tag value; absent (0) and out-of-range values mean {@link #NORMAL}. */
    public static Orientation fromExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /** True when the upright image's width is the stored image's height. */
    public boolean swapsAxes() {
        return exifValue >= 5;
    }

    /** The turn that shows a picture rotated clockwise by {@code degrees}, a multiple of 90 (for {@code rotate_image}). */
    public static Orientation clockwise(int degrees) {
        return switch (((degrees / 90) % 4 + 4) % 4) {
            case 1 -> ROTATE_90_CW;
            case 2 -> ROTATE_180;
            case 3 -> ROTATE_270_CW;
            default -> NORMAL;
        };
    }

    /**
     * The upright image for a stored image (converted to packed {@link BufferedImage#TYPE_INT_RGB}
     * first if it is not already, as decoded images are); the stored image itself when nothing
     * needs to move.
     */
    public BufferedImage upright(BufferedImage image) {
        if (this == NORMAL) {
            return image;
        }
        BufferedImage stored = PackedPixels.backingArray(image) != null ? image : RgbConverter.toPackedRgb(image);
        int w = stored.getWidth();
        int h = stored.getHeight();
        int[] src = ((DataBufferInt) stored.getRaster().getDataBuffer()).getData();
        BufferedImage result = new BufferedImage(swapsAxes() ? h : w, swapsAxes() ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();

        // The destination index of stored pixel (x, y) is origin + x * stepX + y * stepY.
        int origin;
        int stepX;
        int stepY;
        switch (this) {
            case MIRROR_HORIZONTAL -> { origin = w - 1; stepX = -1; stepY = w; }
            case ROTATE_180 -> { origin = w * h - 1; stepX = -1; stepY = -w; }
            case MIRROR_VERTICAL -> { origin = (h - 1) * w; stepX = 1; stepY = -w; }
            case TRANSPOSE -> { origin = 0; stepX = h; stepY = 1; }
            case ROTATE_90_CW -> { origin = h - 1; stepX = h; stepY = -1; }
            case TRANSVERSE -> { origin = w * h - 1; stepX = -h; stepY = -1; }
            case ROTATE_270_CW -> { origin = (w - 1) * h; stepX = -h; stepY = 1; }
            default -> throw new AssertionError(this);
        }
        // Tiles keep the strided writes of the axis-swapping cases inside the cache.
        for (int ty = 0; ty < h; ty += TILE) {
            int yEnd = Math.min(h, ty + TILE);
            for (int tx = 0; tx < w; tx += TILE) {
                int xEnd = Math.min(w, tx + TILE);
                for (int y = ty; y < yEnd; y++) {
                    int s = y * w + tx;
                    int d = origin + tx * stepX + y * stepY;
                    for (int x = tx; x < xEnd; x++, s++, d += stepX) {
                        dst[d] = src[s];
                    }
                }
            }
        }
        return result;
    }
}
