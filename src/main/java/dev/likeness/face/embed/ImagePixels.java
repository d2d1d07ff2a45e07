package dev.likeness.face.embed;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;

/** An image's pixels as packed 0xRRGGBB ints, row-major, read once for resampling in Java. */
record ImagePixels(int width, int height, int[] rgb) {

    static ImagePixels of(Image image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getWrappedImage() instanceof BufferedImage buffered) {
            return new ImagePixels(w, h, buffered.getRGB(0, 0, w, h, null, 0, w));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray hwc = image.toNDArray(manager, Image.Flag.COLOR);
            byte[] bytes = hwc.toByteArray();
            int[] rgb = new int[w * h];
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = (bytes[3 * i] & 0xff) << 16 | (bytes[3 * i + 1] & 0xff) << 8 | (bytes[3 * i + 2] & 0xff);
            }
            return new ImagePixels(w, h, rgb);
        }
    }
}
