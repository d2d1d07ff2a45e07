package dev.likeness.measurement;

import dev.likeness.face.AnalyzedFace;
import dev.likeness.face.DetectedFace;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The document's portrait as the decision links it: the face box widened to a passport-photo frame. */
final class DocumentPortrait {

    private DocumentPortrait() {
    }

    static byte[] jpeg(BufferedImage image, AnalyzedFace face) {
        DetectedFace f = face.face();
        float cx = (f.x1() + f.x2()) / 2;
        float cy = (f.y1() + f.y2()) / 2;
        float half = Math.max(f.width(), f.height()) * 0.8f;
        int x0 = Math.max(0, Math.round(cx - half));
        int y0 = Math.max(0, Math.round(cy - half * 1.15f));
        int x1 = Math.min(image.getWidth(), Math.round(cx + half));
        int y1 = Math.min(image.getHeight(), Math.round(cy + half * 1.15f));
        BufferedImage portrait = new BufferedImage(Math.max(1, x1 - x0), Math.max(1, y1 - y0), BufferedImage.TYPE_INT_RGB);
        portrait.getGraphics().drawImage(image.getSubimage(x0, y0, portrait.getWidth(), portrait.getHeight()), 0, 0, null);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(portrait, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
