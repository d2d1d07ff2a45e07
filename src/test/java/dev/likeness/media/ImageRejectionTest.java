package dev.likeness.media;

import dev.likeness.NeedsSharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Uploads that must be refused, with the reason the client will see. */
class ImageRejectionTest {

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.DEFAULT);

    private InvalidImageException refused(byte[] bytes) {
        return assertThrows(InvalidImageException.class, () -> decoder.decode(bytes));
    }

    private InvalidImageException refused(byte[] bytes, InvalidImageException.Reason reason) {
        InvalidImageException e = refused(bytes);
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().length() > 10, "a readable reason");
        return e;
    }

    @Test
    void emptyAndNullBytes() {
        refused(new byte[0], InvalidImageException.Reason.EMPTY);
        refused(null, InvalidImageException.Reason.EMPTY);
    }

    @Test
    void pdf() {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
        InvalidImageException e = refused(pdf, InvalidImageException.Reason.UNSUPPORTED_FORMAT);
        assertTrue(e.getMessage().contains("PDF"), e.getMessage());
        assertTrue(e.getMessage().contains("JPEG, PNG, WebP, TIFF"), e.getMessage());
    }

    @Test
    void gifHeicTextAndMarkupAreNamed() {
        assertTrue(refused("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1),
                InvalidImageException.Reason.UNSUPPORTED_FORMAT).getMessage().contains("GIF"));
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
        assertTrue(refused(heic, InvalidImageException.Reason.UNSUPPORTED_FORMAT).getMessage().contains("HEIC"));
        assertTrue(refused("hello, this is not a picture".getBytes(StandardCharsets.UTF_8),
                InvalidImageException.Reason.UNSUPPORTED_FORMAT).getMessage().contains("text"));
        assertTrue(refused("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8),
                InvalidImageException.Reason.UNSUPPORTED_FORMAT).getMessage().contains("markup"));
        assertTrue(refused("/9j/4AAQSkZJRgABAQ".getBytes(StandardCharsets.US_ASCII),
                InvalidImageException.Reason.UNSUPPORTED_FORMAT).getMessage().contains("Base64"));
    }

    @Test
    void randomBytes() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        refused(noise, InvalidImageException.Reason.UNSUPPORTED_FORMAT);
    }

    @Test
    void imageMagicFollowedByNoise() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = (byte) 0xFF;
        noise[1] = (byte) 0xD8;
        noise[2] = (byte) 0xFF;
        InvalidImageException e = refused(noise);
        assertTrue(e.reason() == InvalidImageException.Reason.CORRUPT || e.reason() == InvalidImageException.Reason.TRUNCATED, e.getMessage());
    }

    @Test
    void fileOverTheFiveMegabyteLimitIsRefusedBeforeParsing() throws Exception {
        // A real JPEG start followed by padding: 6 MB in all.
        byte[] jpeg = JpegFile.write(OrientationPattern.storedImage(1), 0.9f);
        byte[] big = Arrays.copyOf(jpeg, 6 * 1024 * 1024);
        InvalidImageException e = refused(big, InvalidImageException.Reason.TOO_LARGE);
        assertTrue(e.getMessage().contains("6.0 MB") && e.getMessage().contains("5.0 MB"), e.getMessage());
    }

    @Test
    void perCallerByteLimit() throws Exception {
        byte[] jpeg = JpegFile.write(OrientationPattern.storedImage(1), 0.9f);
        DecodeLimits tight = DecodeLimits.DEFAULT.withMaxBytes(jpeg.length - 1);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(jpeg, tight));
        assertEquals(InvalidImageException.Reason.TOO_LARGE, e.reason());
        decoder.decode(jpeg, DecodeLimits.DEFAULT.withMaxBytes(jpeg.length));
    }

    @NeedsSharedData
    @ParameterizedTest(name = "JPEG cut to {0}%")
    @ValueSource(ints = {30, 60, 90, 99})
    void truncatedJpeg(int percent) throws Exception {
        byte[] jpeg = EvalImages.read("faces/deepface_unnamed_1__2.jpg");
        refused(Arrays.copyOf(jpeg, jpeg.length * percent / 100), InvalidImageException.Reason.TRUNCATED);
    }

    @NeedsSharedData
    @Test
    void truncatedProgressiveJpeg() throws Exception {
        byte[] jpeg = EvalImages.read("faces/matt_damon__3.jpg"); // progressive (SOF2)
        refused(Arrays.copyOf(jpeg, jpeg.length * 2 / 3), InvalidImageException.Reason.TRUNCATED);
    }

    @NeedsSharedData
    @Test
    void jpegCutInsideItsHeader() throws Exception {
        byte[] jpeg = EvalImages.read("faces/deepface_unnamed_1__2.jpg");
        InvalidImageException e = refused(Arrays.copyOf(jpeg, 40));
        assertTrue(e.reason() == InvalidImageException.Reason.CORRUPT || e.reason() == InvalidImageException.Reason.TRUNCATED, e.getMessage());
    }

    @NeedsSharedData
    @ParameterizedTest(name = "PNG cut to {0}%")
    @ValueSource(ints = {20, 50, 95})
    void truncatedPng(int percent) throws Exception {
        byte[] png = EvalImages.read("faces/lin_manuel_miranda__1.png");
        refused(Arrays.copyOf(png, png.length * percent / 100), InvalidImageException.Reason.TRUNCATED);
    }

    @Test
    void truncatedWebp() {
        byte[] webp = WebpFile.lossless(200, 200, new WebpFile.FourColours() {
            public boolean red(int x, int y) {
                return ((x * 7 + y * 13) & 4) != 0;
            }

            public boolean green(int x, int y) {
                return ((x * 3 + y * 5) & 8) != 0;
            }
        });
        for (int cut : new int[] {webp.length / 2, webp.length - 1, 20}) {
            refused(Arrays.copyOf(webp, cut), InvalidImageException.Reason.TRUNCATED);
        }
    }

    @Test
    void truncatedTiff() throws Exception {
        byte[] tiff = TiffFile.rgb(OrientationPattern.storedImage(1), 1);
        InvalidImageException e = refused(Arrays.copyOf(tiff, tiff.length / 2));
        assertTrue(e.reason() == InvalidImageException.Reason.CORRUPT || e.reason() == InvalidImageException.Reason.TRUNCATED, e.getMessage());
    }

    /**
     * 20,000 × 20,000 RGB zeros: 1.2 GB of pixels in about a megabyte of PNG. Refused from the
     * header, and the decode attempt itself allocates next to nothing.
     */
    @Test
    void pngDecompressionBombIsRefusedWithoutAllocatingItsPixels() {
        byte[] bomb = PngFile.write(20_000, 20_000, 8, PngFile.RGB, (y, row) -> { });
        assertTrue(bomb.length < DecodeLimits.DEFAULT_MAX_BYTES, "bomb fits the byte limit: " + bomb.length);
        long before = allocatedByThisThread();
        InvalidImageException e = refused(bomb, InvalidImageException.Reason.TOO_MANY_PIXELS);
        long allocated = allocatedByThisThread() - before;
        assertTrue(e.getMessage().contains("20000 × 20000"), e.getMessage());
        assertTrue(allocated < 32L * 1024 * 1024, "decode attempt allocated " + allocated + " bytes");
    }

    @Test
    void jpegHeaderClaimingHugeDimensionsIsRefused() throws Exception {
        byte[] jpeg = JpegFile.withFrameSize(JpegFile.write(OrientationPattern.storedImage(1), 0.9f), 60_000, 60_000);
        refused(jpeg, InvalidImageException.Reason.TOO_MANY_PIXELS);
    }

    @Test
    void sideLimitAppliesEvenUnderThePixelLimit() {
        byte[] strip = PngFile.write(13_000, 1, 8, PngFile.GREY, (y, row) -> { });
        InvalidImageException e = refused(strip, InvalidImageException.Reason.TOO_MANY_PIXELS);
        assertTrue(e.getMessage().contains("12000 pixels per side"), e.getMessage());
    }

    @Test
    void pngWithBrokenChecksumIsCorrupt() throws Exception {
        byte[] png = PngFile.write(32, 32, 8, PngFile.GREY, (y, row) -> Arrays.fill(row, (byte) y));
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        broken.writeBytes(png);
        byte[] bytes = broken.toByteArray();
        bytes[8 + 8 + 3] ^= 0x40; // inside IHDR's width field: the CRC no longer matches
        InvalidImageException e = refused(bytes);
        assertTrue(e.reason() == InvalidImageException.Reason.CORRUPT || e.reason() == InvalidImageException.Reason.TOO_MANY_PIXELS, e.getMessage());
    }

    private static long allocatedByThisThread() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot) {
            return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        throw new IllegalStateException("this JVM does not report per-thread allocation");
    }
}
