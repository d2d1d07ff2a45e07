package dev.likeness.media;

import dev.likeness.NeedsSharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Every evaluation photo decodes; the ones phones stored sideways come out upright. */
@NeedsSharedData
class EvalImagesDecodeTest {

    /** Found with a small EXIF scan of /work/shared/eval: these three carry orientation 6, stored 640 × 480. */
    private static final List<String> STORED_SIDEWAYS = List.of(
            "spoof/real/silentface_sample__1.jpg",
            "spoof/fake/silentface_sample__1.jpg",
            "spoof/fake/silentface_sample__2.jpg");

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.DEFAULT);

    @Test
    void everyEvalImageDecodes() throws Exception {
        List<Path> files = EvalImages.all();
        assertTrue(files.size() >= 80, "expected the full eval set, found " + files.size());
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            try {
                DecodedImage decoded = decoder.decode(bytes);
                BufferedImage raw = ImageIO.read(new ByteArrayInputStream(bytes));
                boolean swapped = decoded.orientation().swapsAxes();
                assertEquals(swapped ? raw.getHeight() : raw.getWidth(), decoded.width(), file.toString());
                assertEquals(swapped ? raw.getWidth() : raw.getHeight(), decoded.height(), file.toString());
                assertEquals(BufferedImage.TYPE_INT_RGB, decoded.image().getType());
            } catch (InvalidImageException e) {
                failures.add(file + ": " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Three-component JPEGs are decoded into an R, G, B byte layout instead of the reader's default
     * B, G, R (it makes each row one array copy); the pixels must be the reader's own, to the bit.
     */
    @Test
    void jpegPixelsAreTheReadersOwn() throws Exception {
        int compared = 0;
        for (String name : List.of("faces/human_stock_emotions_a__2.jpg", "faces/matt_damon__3.jpg", "faces/tony_blair__8.jpg")) {
            byte[] bytes = EvalImages.read(name);
            DecodedImage decoded = decoder.decode(bytes);
            BufferedImage reference = ImageIO.read(new ByteArrayInputStream(bytes));
            assertEquals(Orientation.NORMAL, decoded.orientation(), name);
            for (int y = 0; y < reference.getHeight(); y++) {
                for (int x = 0; x < reference.getWidth(); x++) {
                    assertEquals(reference.getRGB(x, y) & 0xFFFFFF, decoded.image().getRGB(x, y) & 0xFFFFFF,
                            name + " pixel " + x + "," + y);
                }
            }
            compared++;
        }
        assertEquals(3, compared);
    }

    @Test
    void sidewaysPhoneShotsAreTurnedUpright() throws Exception {
        for (String name : STORED_SIDEWAYS) {
            byte[] bytes = EvalImages.read(name);
            DecodedImage decoded = decoder.decode(bytes);
            assertEquals(Orientation.ROTATE_90_CW, decoded.orientation(), name);
            assertEquals(480, decoded.width(), name);
            assertEquals(640, decoded.height(), name);

            // Stored pixel (x, y) must land at (h - 1 - y, x): the stored top row becomes the right column.
            BufferedImage stored = ImageIO.read(new ByteArrayInputStream(bytes));
            int h = stored.getHeight();
            long totalDifference = 0;
            int samples = 0;
            for (int y = 0; y < stored.getHeight(); y += 7) {
                for (int x = 0; x < stored.getWidth(); x += 7) {
                    int a = stored.getRGB(x, y);
                    int b = decoded.image().getRGB(h - 1 - y, x);
                    totalDifference += Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF))
                            + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)) + Math.abs((a & 0xFF) - (b & 0xFF));
                    samples++;
                }
            }
            assertTrue(totalDifference / (3.0 * samples) < 1.0, name + " mean difference " + totalDifference / (3.0 * samples));
        }
    }

    @Test
    void uprightPhotosAreLeftAlone() throws Exception {
        for (String name : List.of("faces/katy_perry__1.jpg", "faces/alex_lacamoire__3.jpg", "faces/matt_damon__2.jpg")) {
            DecodedImage decoded = decoder.decode(EvalImages.read(name));
            assertEquals(Orientation.NORMAL, decoded.orientation(), name + " is tagged orientation 1");
        }
        assertFalse(decoder.decode(EvalImages.read("faces/clapton__1.jpg")).orientation().swapsAxes());
    }

    @Test
    void greyFaceCropsStayGrey() throws Exception {
        DecodedImage decoded = decoder.decode(EvalImages.read("faces/bbt_amy__1.png"));
        assertEquals(150, decoded.width());
        BufferedImage raw = ImageIO.read(EvalImages.root().resolve("faces/bbt_amy__1.png").toFile());
        for (int y = 0; y < 150; y += 10) {
            for (int x = 0; x < 150; x += 10) {
                int rgb = decoded.image().getRGB(x, y);
                int grey = raw.getRaster().getSample(x, y, 0);
                assertEquals(grey * 0x010101, rgb & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
    }
}
