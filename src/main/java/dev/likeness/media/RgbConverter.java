package dev.likeness.media;

import dev.likeness.runtime.image.PackedPixels;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Turns whatever a reader produced (grey, grey+alpha, palette, 16-bit, RGBA, other colour
 * spaces) into one packed {@link BufferedImage#TYPE_INT_RGB} image, the layout DJL's
 * {@code BufferedImageFactory} reads fastest.
 *
 * <p>Grey samples are copied to R, G and B as they are. Java2D would treat a grey image as linear
 * light and brighten it on the way to sRGB; PNG and JPEG grey values are already display values.
 * Transparent pixels are laid over white, as a browser on a white page shows them.
 */
final class RgbConverter {

    private static final int WHITE = 0xFF;
    private static final VarHandle BIG_ENDIAN_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LITTLE_ENDIAN_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private RgbConverter() {
    }

    static BufferedImage toPackedRgb(BufferedImage src) {
        if (isPackedRgb(src)) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        ColorModel cm = src.getColorModel();
        Raster raster = src.getRaster();
        if (cm instanceof IndexColorModel icm) {
            fromPalette(icm, raster, dst, w, h);
        } else if (isInterleavedBytes(cm, raster)) {
            fromInterleavedBytes(cm, raster, dst, w, h);
        } else if (isIntegralRgbOrGrey(cm, raster)) {
            fromSamples(cm, raster, dst, w, h);
        } else {
            fromColorModel(src, dst, w, h);
        }
        return out;
    }

    /** TYPE_INT_RGB with one row after another and nothing in between: safe to index directly. */
    static boolean isPackedRgb(BufferedImage img) {
        return PackedPixels.backingArray(img) != null;
    }

    private static int colourSpaceType(ColorModel cm) {
        return cm.getColorSpace().getType();
    }

    private static boolean isRgbOrGrey(ColorModel cm) {
        int type = colourSpaceType(cm);
        int colours = cm.getNumColorComponents();
        return type == ColorSpace.TYPE_RGB && colours == 3 || type == ColorSpace.TYPE_GRAY && colours == 1;
    }

    private static boolean isInterleavedBytes(ColorModel cm, Raster r) {
        if (!(cm instanceof ComponentColorModel) || !isRgbOrGrey(cm)
                || !(r.getDataBuffer() instanceof DataBufferByte db) || db.getNumBanks() != 1
                || !(r.getSampleModel() instanceof ComponentSampleModel sm)
                || sm.getNumBands() != cm.getNumComponents()) {
            return false;
        }
        for (int b = 0; b < sm.getNumBands(); b++) {
            if (sm.getBankIndices()[b] != 0 || sm.getSampleSize(b) != 8) {
                return false;
            }
        }
        return true;
    }

    private static void fromInterleavedBytes(ColorModel cm, Raster r, int[] dst, int w, int h) {
        ComponentSampleModel sm = (ComponentSampleModel) r.getSampleModel();
        DataBufferByte db = (DataBufferByte) r.getDataBuffer();
        byte[] data = db.getData();
        int[] bandOffsets = sm.getBandOffsets();
        int pixelStride = sm.getPixelStride();
        int scanline = sm.getScanlineStride();
        int colours = cm.getNumColorComponents();
        boolean alpha = cm.hasAlpha();
        boolean premultiplied = cm.isAlphaPremultiplied();
        int rOff = bandOffsets[0];
        int gOff = bandOffsets[colours == 3 ? 1 : 0];
        int bOff = bandOffsets[colours == 3 ? 2 : 0];
        int aOff = alpha ? bandOffsets[colours] : 0;
        int tx = r.getSampleModelTranslateX();
        int ty = r.getSampleModelTranslateY();
        int o = 0;
        boolean rgbBytes = rOff == 0 && gOff == 1 && bOff == 2;
        boolean bgrBytes = rOff == 2 && gOff == 1 && bOff == 0;
        if (!alpha && colours == 3 && pixelStride == 3 && (rgbBytes || bgrBytes)) {
            // Every JPEG arrives this way (the decoder asks for R, G, B): one 4-byte read a pixel,
            // whose spare byte is shifted or masked away, instead of three byte reads (a third of
            // the time). The last pixel of the buffer has no spare byte after it.
            for (int y = 0; y < h; y++) {
                int p = db.getOffset() + (y - ty) * scanline - tx * 3;
                int whole = Math.min(w, Math.max(0, (data.length - 1 - p) / 3));
                int x = 0;
                // the handles must be constants for the JIT to turn each read into one load
                if (rgbBytes) {
                    for (; x < whole; x++, p += 3) {
                        dst[o++] = (int) BIG_ENDIAN_INT.get(data, p) >>> 8;
                    }
                } else {
                    for (; x < whole; x++, p += 3) {
                        dst[o++] = (int) LITTLE_ENDIAN_INT.get(data, p) & 0xFFFFFF;
                    }
                }
                for (; x < w; x++, p += 3) {
                    dst[o++] = (data[p + rOff] & 0xFF) << 16 | (data[p + gOff] & 0xFF) << 8 | (data[p + bOff] & 0xFF);
                }
            }
            return;
        }
        if (!alpha && colours == 3 && pixelStride == 3) {
            for (int y = 0; y < h; y++) {
                int p = db.getOffset() + (y - ty) * scanline - tx * 3;
                for (int x = 0; x < w; x++, p += 3) {
                    dst[o++] = (data[p + rOff] & 0xFF) << 16 | (data[p + gOff] & 0xFF) << 8 | (data[p + bOff] & 0xFF);
                }
            }
            return;
        }
        for (int y = 0; y < h; y++) {
            int p = db.getOffset() + (y - ty) * scanline - tx * pixelStride;
            for (int x = 0; x < w; x++, p += pixelStride) {
                int red = data[p + rOff] & 0xFF;
                int green = data[p + gOff] & 0xFF;
                int blue = data[p + bOff] & 0xFF;
                if (alpha) {
                    int a = data[p + aOff] & 0xFF;
                    if (a != 0xFF) {
                        red = overWhite(red, a, premultiplied);
                        green = overWhite(green, a, premultiplied);
                        blue = overWhite(blue, a, premultiplied);
                    }
                }
                dst[o++] = red << 16 | green << 8 | blue;
            }
        }
    }

    private static boolean isIntegralRgbOrGrey(ColorModel cm, Raster r) {
        if (!(cm instanceof ComponentColorModel || cm instanceof DirectColorModel) || !isRgbOrGrey(cm)) {
            return false;
        }
        int type = r.getDataBuffer().getDataType();
        if (type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT && type != DataBuffer.TYPE_INT) {
            return false;
        }
        SampleModel sm = r.getSampleModel();
        if (sm.getNumBands() != cm.getNumComponents()) {
            return false;
        }
        for (int b = 0; b < sm.getNumBands(); b++) {
            if (sm.getSampleSize(b) > 16) {
                return false;
            }
        }
        return true;
    }

    private static void fromSamples(ColorModel cm, Raster r, int[] dst, int w, int h) {
        SampleModel sm = r.getSampleModel();
        int bands = sm.getNumBands();
        int colours = cm.getNumColorComponents();
        boolean alpha = cm.hasAlpha();
        boolean premultiplied = cm.isAlphaPremultiplied();
        int[] sizes = sm.getSampleSize();
        int[] row = new int[w * bands];
        int o = 0;
        for (int y = 0; y < h; y++) {
            r.getPixels(r.getMinX(), r.getMinY() + y, w, 1, row);
            for (int x = 0, p = 0; x < w; x++, p += bands) {
                int red = to8Bits(row[p], sizes[0]);
                int green = colours == 3 ? to8Bits(row[p + 1], sizes[1]) : red;
                int blue = colours == 3 ? to8Bits(row[p + 2], sizes[2]) : red;
                if (alpha) {
                    int a = to8Bits(row[p + colours], sizes[colours]);
                    if (a != 0xFF) {
                        red = overWhite(red, a, premultiplied);
                        green = overWhite(green, a, premultiplied);
                        blue = overWhite(blue, a, premultiplied);
                    }
                }
                dst[o++] = red << 16 | green << 8 | blue;
            }
        }
    }

    private static void fromPalette(IndexColorModel icm, Raster r, int[] dst, int w, int h) {
        int[] lut = new int[icm.getMapSize()];
        for (int i = 0; i < lut.length; i++) {
            int argb = icm.getRGB(i);
            lut[i] = overWhite(argb);
        }
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < h; y++) {
            r.getSamples(r.getMinX(), r.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int index = row[x];
                // An index past the palette is a broken file; white is as good a guess as any.
                dst[o++] = index < lut.length ? lut[index] : 0xFFFFFF;
            }
        }
    }

    /** Anything else (CMYK left by a reader, float samples, unusual models): let the colour model convert. */
    private static void fromColorModel(BufferedImage src, int[] dst, int w, int h) {
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                dst[o++] = overWhite(row[x]);
            }
        }
    }

    private static int overWhite(int argb) {
        int a = argb >>> 24;
        if (a == 0xFF) {
            return argb & 0xFFFFFF;
        }
        int red = overWhite(argb >> 16 & 0xFF, a, false);
        int green = overWhite(argb >> 8 & 0xFF, a, false);
        int blue = overWhite(argb & 0xFF, a, false);
        return red << 16 | green << 8 | blue;
    }

    private static int overWhite(int c, int a, boolean premultiplied) {
        int v = premultiplied ? c + (WHITE - a) : (c * a + WHITE * (WHITE - a) + 127) / WHITE;
        return Math.min(WHITE, v);
    }

    private static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample & 0xFF;
        }
        if (bits > 8) {
            return sample >>> (bits - 8);
        }
        return sample * 255 / ((1 << bits) - 1);
    }
}
