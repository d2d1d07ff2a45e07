package dev.likeness.media;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;

import java.awt.image.BufferedImage;

/**
 * An upload decoded to upright 8-bit RGB.
 *
 * @param image packed {@link BufferedImage#TYPE_INT_RGB} pixels (one {@code int[]}, row after
 *     row, 0xRRGGBB), already turned upright; shared, so treat it as read-only
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param format the format the bytes were in
 * @param orientation the EXIF orientation found in the file and applied ({@link Orientation#NORMAL} when none)
 * @param subsampling how many original pixels one decoded pixel stands for along each side (1: decoded whole)
 */
public record DecodedImage(BufferedImage image, int width, int height, ImageFormat format, Orientation orientation,
                           int subsampling) {

    public DecodedImage {
        if (!RgbConverter.isPackedRgb(image) || image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("expected a packed TYPE_INT_RGB image of " + width + "x" + height);
        }
        if (subsampling < 1) {
            throw new IllegalArgumentException("subsampling must be at least 1");
        }
    }

    /** The same pixels as a DJL image (no copy), for predictors that take {@link Image}. */
    public Image toDjlImage() {
        return ImageFactory.getInstance().fromImage(image);
    }
}
