package dev.likeness.media;

import dev.likeness.NeedsSharedData;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;

/**
 * Prints decode timings for the largest eval JPEGs; asserts nothing about speed (the machine is
 * shared). Run: {@code ./mvnw -B -o test -Dtest=DecodeTimingTest} and read the "decode-timing" lines.
 */
@NeedsSharedData
class DecodeTimingTest {

    private static final int WARMUP = 2;
    private static final int RUNS = 7;

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.DEFAULT);

    @Test
    void printDecodeTimingsForTheLargestEvalJpegs() throws Exception {
        List<Path> largest = largestJpegs(4);
        print(String.format("%-28s %11s %9s %9s %9s %9s %9s", "file", "size", "decode", "jdk+icc", "jdk", "tm", "djl-nd"));
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Path file : largest) {
                byte[] bytes = Files.readAllBytes(file);
                byte[] withoutProfile = withoutIccProfile(bytes);
                DecodedImage decoded = decoder.decode(bytes);
                String full = timing(() -> decoder.decode(bytes));
                String jdkWithProfile = timing(() -> read("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi", bytes));
                String jdk = timing(() -> read("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi", withoutProfile));
                String twelveMonkeys = timing(() -> read("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi", withoutProfile));
                Image djl = decoded.toDjlImage();
                String toNdArray = timing(() -> {
                    try (NDArray array = djl.toNDArray(manager)) {
                        assertTrue(array.size() > 0);
                    }
                });
                print(String.format(Locale.ROOT, "%-28s %11s %9s %9s %9s %9s %9s",
                        file.getFileName(), decoded.width() + "x" + decoded.height(), full, jdkWithProfile, jdk, twelveMonkeys, toNdArray));
            }
        }
        print("columns: median/min ms of " + RUNS + " runs after " + WARMUP + " warm-up: decode = ImageDecoder.decode end to end;"
                + " jdk+icc = JDK reader on the original bytes (applies the embedded profile); jdk / tm = JDK and TwelveMonkeys"
                + " readers on the bytes without the profile; djl-nd = DecodedImage.toDjlImage().toNDArray()");
    }

    private interface Work {
        void run() throws Exception;
    }

    /** "median/min" in milliseconds: the minimum is the better guide on a busy machine. */
    private static String timing(Work work) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "%.0f/%.0f", ms[RUNS / 2], ms[0]);
    }

    private static void print(String line) {
        System.out.println("decode-timing " + line);
    }

    private static List<Path> largestJpegs(int count) throws IOException {
        List<Path> jpegs = new ArrayList<>();
        for (Path p : EvalImages.all()) {
            if (p.toString().toLowerCase(Locale.ROOT).endsWith(".jpg")) {
                jpegs.add(p);
            }
        }
        jpegs.sort(Comparator.comparingLong(DecodeTimingTest::pixels).reversed());
        return jpegs.subList(0, count);
    }

    private static long pixels(Path p) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(Files.readAllBytes(p)))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            long n = (long) reader.getWidth(0) * reader.getHeight(0);
            reader.dispose();
            return n;
        } catch (IOException e) {
            throw new IllegalStateException(p.toString(), e);
        }
    }

    private static byte[] withoutIccProfile(byte[] jpeg) {
        JpegSegments segments = JpegSegments.scan(jpeg);
        return segments.without(segments.segments().stream().filter(segments::isIccProfile).toList());
    }

    private static BufferedImage read(String providerClass, byte[] bytes) throws IOException {
        Iterator<ImageReaderSpi> providers = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
        while (providers.hasNext()) {
            ImageReaderSpi provider = providers.next();
            if (provider.getClass().getName().equals(providerClass)) {
                ImageReader reader = provider.createReaderInstance();
                try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
                    reader.setInput(in, true, true);
                    return reader.read(0);
                } finally {
                    reader.dispose();
                }
            }
        }
        throw new IllegalStateException(providerClass + " not registered");
    }
}
