package dev.likeness.media;

import static dev.likeness.media.OrientationPattern.assertColour;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Formats and pixel layouts the eval photos do not cover, built at test time. */
class GeneratedImagesDecodeTest {

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.DEFAULT);

    @ParameterizedTest(name = "JPEG EXIF orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegIsTurnedUprightForEveryExifOrientation(int orientation) throws Exception {
        byte[] plain = JpegFile.write(OrientationPattern.storedImage(orientation), 0.95f);
        for (boolean littleEndian : new boolean[] {true, false}) {
            byte[] tagged = JpegFile.withExifOrientation(plain, orientation, littleEndian);
            DecodedImage decoded = decoder.decode(tagged);
            assertEquals(orientation, decoded.orientation().exifValue());
            assertEquals(ImageFormat.JPEG, decoded.format());
            OrientationPattern.assertUpright(decoded, 40, "orientation " + orientation + (littleEndian ? " II" : " MM"));
        }
    }

    @Test
    void webpLosslessDecodes() throws Exception {
        byte[] webp = WebpFile.lossless(OrientationPattern.WIDTH, OrientationPattern.HEIGHT, uprightWebpPattern());
        DecodedImage decoded = decoder.decode(webp);
        assertEquals(ImageFormat.WEBP, decoded.format());
        assertEquals(Orientation.NORMAL, decoded.orientation());
        OrientationPattern.assertUpright(decoded, 0, "webp");
    }

    @ParameterizedTest(name = "WebP EXIF orientation {0}")
    @ValueSource(ints = {3, 6, 8})
    void webpExifOrientationIsApplied(int orientation) throws Exception {
        int w = OrientationPattern.storedWidth(orientation);
        int h = OrientationPattern.storedHeight(orientation);
        WebpFile.FourColours stored = new WebpFile.FourColours() {
            public boolean red(int x, int y) {
                return (OrientationPattern.stored(orientation, x, y) >> 16 & 0xFF) == 0xFF;
            }

            public boolean green(int x, int y) {
                return (OrientationPattern.stored(orientation, x, y) >> 8 & 0xFF) == 0xFF;
            }
        };
        byte[] webp = WebpFile.losslessWithExif(w, h, stored, ExifBlock.orientation(orientation, true));
        DecodedImage decoded = decoder.decode(webp);
        assertEquals(orientation, decoded.orientation().exifValue());
        OrientationPattern.assertUpright(decoded, 0, "webp orientation " + orientation);
    }

    @Test
    void tiffFromImageIoWriterDecodes() throws Exception {
        BufferedImage upright = OrientationPattern.storedImage(1);
        DecodedImage decoded = decoder.decode(TiffFile.withAnyWriter(upright));
        assertEquals(ImageFormat.TIFF, decoded.format());
        OrientationPattern.assertUpright(decoded, 0, "tiff");
    }

    @ParameterizedTest(name = "TIFF orientation tag {0}")
    @ValueSource(ints = {1, 3, 6, 8})
    void tiffOrientationTagIsApplied(int orientation) throws Exception {
        byte[] tiff = TiffFile.rgb(OrientationPattern.storedImage(orientation), orientation);
        DecodedImage decoded = decoder.decode(tiff);
        assertEquals(orientation, decoded.orientation().exifValue());
        OrientationPattern.assertUpright(decoded, 0, "tiff orientation " + orientation);
    }

    @ParameterizedTest(name = "PNG eXIf orientation {0}")
    @ValueSource(ints = {6, 8})
    void pngExifChunkOrientationIsApplied(int orientation) throws Exception {
        BufferedImage stored = OrientationPattern.storedImage(orientation);
        byte[] png = PngFile.write(stored.getWidth(), stored.getHeight(), 8, PngFile.RGB, (y, row) -> {
            for (int x = 0; x < stored.getWidth(); x++) {
                int rgb = stored.getRGB(x, y);
                row[3 * x] = (byte) (rgb >> 16);
                row[3 * x + 1] = (byte) (rgb >> 8);
                row[3 * x + 2] = (byte) rgb;
            }
        }, new PngFile.Chunk("eXIf", ExifBlock.orientation(orientation, false)));
        DecodedImage decoded = decoder.decode(png);
        assertEquals(orientation, decoded.orientation().exifValue());
        OrientationPattern.assertUpright(decoded, 0, "png orientation " + orientation);
    }

    /** Adobe CMYK: left half full cyan ink, right half full black ink (stored inverted, as Photoshop does). */
    @Test
    void cmykJpegDecodesToRgb() throws Exception {
        byte[] jpeg = JpegFile.withAdobeMarker(JpegFile.write(inkRaster(false), 0.95f), 0);
        assertCyanLeftBlackRight(decoder.decode(jpeg), "CMYK");
    }

    /** Adobe YCCK: the same inks, C, M and Y stored as YCbCr. */
    @Test
    void ycckJpegDecodesToRgb() throws Exception {
        byte[] jpeg = JpegFile.withAdobeMarker(JpegFile.write(inkRaster(true), 0.95f), 2);
        assertCyanLeftBlackRight(decoder.decode(jpeg), "YCCK");
    }

    @Test
    void jpegsAreReadByTwelveMonkeysNotTheJdkReader() {
        assertTrue(FormatReaders.get().providerName(ImageFormat.JPEG).startsWith("com.twelvemonkeys."));
        assertTrue(FormatReaders.get().providerName(ImageFormat.WEBP).startsWith("com.twelvemonkeys."));
        assertTrue(FormatReaders.get().providerName(ImageFormat.TIFF).startsWith("com.twelvemonkeys."));
    }

    @Test
    void greyJpegKeepsItsGreyLevels() throws Exception {
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = grey.getRaster();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                r.setSample(x, y, 0, x < 32 ? 60 : 200);
            }
        }
        DecodedImage decoded = decoder.decode(JpegFile.write(grey, 0.95f));
        assertColour(0x3C3C3C, decoded.image().getRGB(16, 32), 3, "dark half");
        assertColour(0xC8C8C8, decoded.image().getRGB(48, 32), 3, "light half");
    }

    @Test
    void greyPngKeepsItsGreyLevelsWithoutGammaShift() throws Exception {
        byte[] png = PngFile.write(256, 4, 8, PngFile.GREY, (y, row) -> {
            for (int x = 0; x < 256; x++) {
                row[x] = (byte) x;
            }
        });
        DecodedImage decoded = decoder.decode(png);
        for (int x = 0; x < 256; x++) {
            assertEquals(x * 0x010101, decoded.image().getRGB(x, 2) & 0xFFFFFF, "grey " + x);
        }
    }

    @Test
    void oneBitGreyPngScalesToBlackAndWhite() throws Exception {
        byte[] png = PngFile.write(16, 2, 1, PngFile.GREY, (y, row) -> row[0] = (byte) 0b1010_1010);
        DecodedImage decoded = decoder.decode(png);
        assertEquals(0xFFFFFF, decoded.image().getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x000000, decoded.image().getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void greyAlphaPngIsLaidOverWhite() throws Exception {
        int[][] greyAlpha = {{100, 255}, {0, 0}, {0, 128}, {200, 255}};
        byte[] png = PngFile.write(4, 1, 8, PngFile.GREY_ALPHA, (y, row) -> {
            for (int x = 0; x < 4; x++) {
                row[2 * x] = (byte) greyAlpha[x][0];
                row[2 * x + 1] = (byte) greyAlpha[x][1];
            }
        });
        BufferedImage img = decoder.decode(png).image();
        assertEquals(0x646464, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(1, 0) & 0xFFFFFF);
        assertColour(0x7F7F7F, img.getRGB(2, 0), 1, "half-transparent black");
        assertEquals(0xC8C8C8, img.getRGB(3, 0) & 0xFFFFFF);
    }

    @Test
    void palettePngWithTransparencyDecodes() throws Exception {
        byte[] palette = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255};
        byte[] alphas = {(byte) 255, (byte) 255, 0}; // blue entry fully transparent
        byte[] png = PngFile.write(3, 1, 8, PngFile.PALETTE, (y, row) -> {
            row[0] = 0;
            row[1] = 1;
            row[2] = 2;
        }, new PngFile.Chunk("PLTE", palette), new PngFile.Chunk("tRNS", alphas));
        BufferedImage img = decoder.decode(png).image();
        assertEquals(0xFF0000, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x00FF00, img.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(2, 0) & 0xFFFFFF, "transparent palette entry over white");
    }

    @Test
    void sixteenBitGreyPngIsScaledTo8Bits() throws Exception {
        int[] levels = {0, 1, 128, 255};
        byte[] png = PngFile.write(4, 1, 16, PngFile.GREY, (y, row) -> {
            for (int x = 0; x < 4; x++) {
                int v = levels[x] * 257;
                row[2 * x] = (byte) (v >> 8);
                row[2 * x + 1] = (byte) v;
            }
        });
        BufferedImage img = decoder.decode(png).image();
        for (int x = 0; x < 4; x++) {
            assertEquals(levels[x] * 0x010101, img.getRGB(x, 0) & 0xFFFFFF, "level " + levels[x]);
        }
    }

    @Test
    void sixteenBitRgbaPngIsScaledAndLaidOverWhite() throws Exception {
        int[][] rgba = {{255, 0, 0, 255}, {0, 128, 255, 255}, {0, 0, 0, 0}};
        byte[] png = PngFile.write(3, 1, 16, PngFile.RGBA, (y, row) -> {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < 4; c++) {
                    int v = rgba[x][c] * 257;
                    row[8 * x + 2 * c] = (byte) (v >> 8);
                    row[8 * x + 2 * c + 1] = (byte) v;
                }
            }
        });
        BufferedImage img = decoder.decode(png).image();
        assertEquals(0xFF0000, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x0080FF, img.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(2, 0) & 0xFFFFFF);
    }

    @Test
    void eightBitRgbaPngIsLaidOverWhite() throws Exception {
        byte[] png = PngFile.write(2, 1, 8, PngFile.RGBA, (y, row) -> {
            row[0] = (byte) 10; row[1] = (byte) 20; row[2] = (byte) 30; row[3] = (byte) 255;
            row[4] = (byte) 0; row[5] = (byte) 0; row[6] = (byte) 0; row[7] = (byte) 0;
        });
        BufferedImage img = decoder.decode(png).image();
        assertEquals(0x0A141E, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void resultIsPackedIntRgbAndFeedsDjl() throws Exception {
        DecodedImage decoded = decoder.decode(JpegFile.write(OrientationPattern.storedImage(1), 0.9f));
        assertEquals(BufferedImage.TYPE_INT_RGB, decoded.image().getType());
        ai.djl.modality.cv.Image djl = decoded.toDjlImage();
        assertEquals(decoded.width(), djl.getWidth());
        assertEquals(decoded.height(), djl.getHeight());
        assertSame(decoded.image(), djl.getWrappedImage());
    }

    private static WebpFile.FourColours uprightWebpPattern() {
        return new WebpFile.FourColours() {
            public boolean red(int x, int y) {
                return (OrientationPattern.upright(x, y) >> 16 & 0xFF) == 0xFF;
            }

            public boolean green(int x, int y) {
                return (OrientationPattern.upright(x, y) >> 8 & 0xFF) == 0xFF;
            }
        };
    }

    /** Adobe-style CMYK samples (inverted: 255 = no ink), or the same inks as YCCK. */
    private static Raster inkRaster(boolean ycc) {
        int w = 64;
        int h = 32;
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean cyan = x < w / 2;
                int c = cyan ? 0 : 255;
                int m = 255;
                int ye = 255;
                int k = cyan ? 255 : 0;
                if (ycc) {
                    // YCCK holds the YCbCr of the ink amounts themselves (libjpeg turns it back with
                    // C = 255 - R) next to the inverted K.
                    int cInk = 255 - c;
                    int mInk = 255 - m;
                    int yInk = 255 - ye;
                    double lum = 0.299 * cInk + 0.587 * mInk + 0.114 * yInk;
                    double cb = 128 - 0.168736 * cInk - 0.331264 * mInk + 0.5 * yInk;
                    double cr = 128 + 0.5 * cInk - 0.418688 * mInk - 0.081312 * yInk;
                    r.setPixel(x, y, new int[] {clamp(lum), clamp(cb), clamp(cr), k});
                } else {
                    r.setPixel(x, y, new int[] {c, m, ye, k});
                }
            }
        }
        return r;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static void assertCyanLeftBlackRight(DecodedImage decoded, String label) {
        assertEquals(64, decoded.width());
        assertEquals(32, decoded.height());
        int left = decoded.image().getRGB(16, 16);
        int right = decoded.image().getRGB(48, 16);
        int lr = left >> 16 & 0xFF;
        int lg = left >> 8 & 0xFF;
        int lb = left & 0xFF;
        assertTrue(lr < 90 && lg > 120 && lb > 170, String.format("%s cyan half decoded as %06x", label, left & 0xFFFFFF));
        int max = Math.max(right >> 16 & 0xFF, Math.max(right >> 8 & 0xFF, right & 0xFF));
        assertTrue(max < 80, String.format("%s black half decoded as %06x", label, right & 0xFFFFFF));
    }
}
