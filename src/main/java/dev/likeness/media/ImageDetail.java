package dev.likeness.media;

import dev.likeness.runtime.image.Luma;
import dev.likeness.runtime.image.PackedPixels;

import java.awt.image.BufferedImage;

/**
 * Whether an image has anything in it worth analysing. A blank frame (lens cap, a uniform
 * wall, an all-black or all-white upload) cannot hold a face or a document, yet face detection over
 * 49 megapixels costs seconds and, in the capture flow, an attempt; this refuses it first, from a
 * sparse grid of pixels that costs a fraction of a millisecond at any size.
 */
public final class ImageDetail {

    /** Grid points per side: enough to see any real scene, cheap at any image size. */
    static final int GRID = 256;
    /**
     * Below this standard deviation of luma (0-255) the image is one colour plus sensor or JPEG
     * noise. Real photos, even dark or overexposed ones, spread far wider (the eval set's flattest is
     * above 20).
     */
    static final double MIN_LUMA_SPREAD = 2.0;

    private ImageDetail() {
    }

    /** Refuses an image with no content worth analysing; the message is written for the API client. */
    public static void require(DecodedImage decoded) throws InvalidImageException {
        if (lumaSpread(decoded.image()) < MIN_LUMA_SPREAD) {
            throw new InvalidImageException(InvalidImageException.Reason.BLANK,
                    "The image is blank (a single uniform colour): there is nothing to analyse.");
        }
    }

    /** Standard deviation of Rec. 601 luma over a grid of up to {@value #GRID} × {@value #GRID} pixels. */
    static double lumaSpread(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int columns = Math.min(GRID, width);
        int rows = Math.min(GRID, height);
        // Straight from the decoded raster where it is packed RGB (every decode ends so): getRGB goes
        // through the colour model per call, which made this grid cost milliseconds.
        int[] packed = PackedPixels.backingArray(image);
        double sum = 0;
        double squares = 0;
        for (int r = 0; r < rows; r++) {
            int y = (int) ((r + 0.5) * height / rows);
            for (int c = 0; c < columns; c++) {
                int x = (int) ((c + 0.5) * width / columns);
                double luma = Luma.of(packed != null ? packed[y * width + x] : image.getRGB(x, y));
                sum += luma;
                squares += luma * luma;
            }
        }
        double n = (double) rows * columns;
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }
}
