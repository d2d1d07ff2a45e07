package dev.likeness.runtime.image;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * An image's pixels, or one window of them, as packed 0xRRGGBB ints, row-major: pixel (x, y) is
 * {@code rgb[offset + y * stride + x]}. A window inside a packed image is a view of the image's
 * own array (read-only by convention), so a face model's crop copies nothing: copies of face
 * windows were a third of a face match's allocations, and on a small heap each one a humongous
 * object.
 */
public record PackedPixels(int width, int height, int[] rgb, int offset, int stride) {

    /** Pixels of their own, one row after another. */
    public PackedPixels(int width, int height, int[] rgb) {
        this(width, height, rgb, 0, width);
    }

    public static PackedPixels of(Image image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getWrappedImage() instanceof BufferedImage buffered) {
            return window(buffered, new CropWindow(0, 0, w - 1, h - 1));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] bytes = image.toNDArray(manager, Image.Flag.COLOR).toByteArray();
            int[] rgb = new int[w * h];
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = (bytes[3 * i] & 0xff) << 16 | (bytes[3 * i + 1] & 0xff) << 8 | (bytes[3 * i + 2] & 0xff);
            }
            return new PackedPixels(w, h, rgb);
        }
    }

    /** {@link #window(BufferedImage, CropWindow)} for any DJL image. */
    public static PackedPixels window(Image image, CropWindow window) {
        if (image.getWrappedImage() instanceof BufferedImage buffered) {
            return window(buffered, window);
        }
        PackedPixels all = of(image);
        int w = window.width();
        int[] rgb = new int[w * window.height()];
        for (int y = window.top(); y <= window.bottom(); y++) {
            for (int x = window.left(); x <= window.right(); x++) {
                if (x >= 0 && y >= 0 && x < all.width && y < all.height) {
                    rgb[(y - window.top()) * w + x - window.left()] = all.rgb[y * all.width + x];
                }
            }
        }
        return new PackedPixels(w, window.height(), rgb);
    }

    /** The packed pixel at {@code (x, y)}; black outside. */
    public int pixel(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return 0;
        }
        return rgb[offset + y * stride + x];
    }

    /** Index in {@link #rgb()} of the first pixel of row {@code y}. */
    public int rowStart(int y) {
        return offset + y * stride;
    }

    /** These pixels in an array of their own, {@code width * height} long. */
    public int[] toArray() {
        if (offset == 0 && stride == width && rgb.length == width * height) {
            return rgb.clone();
        }
        int[] copy = new int[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(rgb, rowStart(y), copy, y * width, width);
        }
        return copy;
    }

    /**
     * The pixels of {@code window} only (a face model needs a few hundred thousand pixels of a
     * photo that may hold tens of millions); pixels outside the image read as black.
     */
    public static PackedPixels window(BufferedImage image, CropWindow window) {
        int w = window.width();
        int h = window.height();
        int[] backing = backingArray(image);
        if (backing != null && window.left() >= 0 && window.top() >= 0
                && window.right() < image.getWidth() && window.bottom() < image.getHeight()) {
            return new PackedPixels(w, h, backing, window.top() * image.getWidth() + window.left(), image.getWidth());
        }
        int[] rgb = new int[w * h];
        int x0 = Math.max(0, window.left());
        int y0 = Math.max(0, window.top());
        int x1 = Math.min(image.getWidth() - 1, window.right());
        int y1 = Math.min(image.getHeight() - 1, window.bottom());
        if (x1 < x0 || y1 < y0) {
            return new PackedPixels(w, h, rgb);
        }
        int offset = (y0 - window.top()) * w + (x0 - window.left());
        if (backing != null) {
            // Straight from the raster's array: getRGB converts pixel by pixel through the colour
            // model, which costs more than the face model that reads the window.
            int stride = image.getWidth();
            for (int y = y0; y <= y1; y++) {
                System.arraycopy(backing, y * stride + x0, rgb, offset + (y - y0) * w, x1 - x0 + 1);
            }
        } else {
            image.getRGB(x0, y0, x1 - x0 + 1, y1 - y0 + 1, rgb, offset, w);
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] &= 0xffffff; // getRGB sets the alpha byte; TYPE_INT_RGB arrays have none
            }
        }
        return new PackedPixels(w, h, rgb);
    }

    /**
     * The image's own pixel array when it is TYPE_INT_RGB with one row after another and nothing
     * in between (what the decoder produces), so it can be indexed directly; null otherwise.
     */
    public static int[] backingArray(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_INT_RGB) {
            return null;
        }
        Raster r = img.getRaster();
        boolean packed = r.getDataBuffer() instanceof DataBufferInt db
                && db.getNumBanks() == 1
                && db.getOffset() == 0
                && db.getSize() == img.getWidth() * img.getHeight()
                && r.getSampleModel() instanceof SinglePixelPackedSampleModel sm
                && sm.getScanlineStride() == img.getWidth()
                && r.getSampleModelTranslateX() == 0
                && r.getSampleModelTranslateY() == 0;
        return packed ? ((DataBufferInt) r.getDataBuffer()).getData() : null;
    }

    /** The whole of these pixels as a window, for resizers that take one. */
    public CropWindow whole() {
        return new CropWindow(0, 0, width - 1, height - 1);
    }
}
