package dev.likeness.liveness.active;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Test bursts for the capture API: a rendered head or a moved flat picture, as JPEG frames. */
public final class ChallengeFrames {

    public static final double PEAK_DEGREES = 25;

    private ChallengeFrames() {
    }

    /** The head performing {@code moves}. */
    public static List<byte[]> head(BufferedImage photo, dev.likeness.face.landmarks.FaceMesh mesh, List<HeadMove> moves) {
        HeadRenderer head = new HeadRenderer(photo, mesh);
        List<byte[]> frames = new ArrayList<>();
        for (ChallengeBurst.Angles a : ChallengeBurst.of(moves, PEAK_DEGREES)) {
            frames.add(jpeg(head.render(a.yaw(), a.pitch())));
        }
        return frames;
    }

    /** The photo as a print or screen, tilted, slid, scaled and rolled through the moves' poses. */
    public static List<byte[]> flat(BufferedImage photo, boolean screen, List<HeadMove> moves) {
        FlatPictureMotion sheet = new FlatPictureMotion(photo, screen);
        List<byte[]> frames = new ArrayList<>();
        int i = 0;
        for (ChallengeBurst.Angles a : ChallengeBurst.of(moves, PEAK_DEGREES)) {
            frames.add(jpeg(sheet.render(-a.yaw() * 1.4, a.pitch() * 1.4, 3 * Math.sin(i / 2.0), 0.85 + 0.02 * i,
                    a.yaw() * 1.5, -a.pitch() * 1.5)));
            i++;
        }
        return frames;
    }

    public static HeadMove opposite(HeadMove move) {
        return switch (move) {
            case TURN_LEFT -> HeadMove.TURN_RIGHT;
            case TURN_RIGHT -> HeadMove.TURN_LEFT;
            case LOOK_UP -> HeadMove.LOOK_DOWN;
            case LOOK_DOWN -> HeadMove.LOOK_UP;
        };
    }

    public static byte[] jpeg(BufferedImage image) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            writer.dispose();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
