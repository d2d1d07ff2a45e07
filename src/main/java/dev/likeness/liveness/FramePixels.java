package dev.likeness.liveness;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;

/** A frame's pixels as packed 0xRRGGBB ints, row-major, read once and shared by both models. */
record FramePixels(int width, int height, int[] rgb) {

    static FramePixels of(Image image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getWrappedImage() instanceof BufferedImage buffered) {
            return new FramePixels(w, h, buffered.getRGB(0, 0, w, h, null, 0, w));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] bytes = image.toNDArray(manager, Image.Flag.COLOR).toByteArray();
            int[] rgb = new int[w * h];
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = (bytes[3 * i] & 0xff) << 16 | (bytes[3 * i + 1] & 0xff) << 8 | (bytes[3 * i + 2] & 0xff);
            }
            return new FramePixels(w, h, rgb);
        }
    }
}
