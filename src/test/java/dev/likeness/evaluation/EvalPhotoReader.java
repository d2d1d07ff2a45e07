package dev.likeness.evaluation;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the evaluation photos upright (EXIF orientation applied) as 8-bit RGB, so the face
 * dumps made outside Java and the Java pipelines see the same pixels. Test-only stand-in for the
 * service's media decoder, which lives on another branch.
 */
public final class EvalPhotoReader {

    private EvalPhotoReader() {
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("likeness.shared.dir", "../shared"));
    }

    public static Path modelsDir() {
        return Path.of(System.getProperty("likeness.models.dir", "target/models"));
    }

    public static BufferedImage read(Path file) {
        try {
            BufferedImage decoded = ImageIO.read(file.toFile());
            if (decoded == null) {
                throw new IOException("no image reader for " + file.getFileName());
            }
            BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(decoded, 0, 0, null);
            return orient(rgb, orientation(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int orientation(Path file) throws IOException {
        byte[] head = new byte[2];
        try (var in = Files.newInputStream(file)) {
            if (in.read(head) != 2 || (head[0] & 0xff) != 0xff || (head[1] & 0xff) != 0xd8) {
                return 1;
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            for (JPEGSegment segment : exif) {
                try (var data = segment.data()) {
                    data.skipNBytes(1); // the pad byte after "Exif\0"
                    Directory directory = new TIFFReader().read(ImageIO.createImageInputStream(data));
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    if (entry != null) {
                        return ((Number) entry.getValue()).intValue();
                    }
                }
            }
        }
        return 1;
    }

    private static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        boolean swap = orientation >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, out);
        return out;
    }
}
