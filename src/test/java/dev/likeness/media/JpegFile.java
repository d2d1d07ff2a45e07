package dev.likeness.media;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** JPEGs written at test time, and the segment surgery that real cameras and Photoshop do. */
final class JpegFile {

    private JpegFile() {
    }

    static byte[] write(BufferedImage image, float quality) throws IOException {
        return write(new IIOImage(image, null, null), quality);
    }

    /** A 4-band raster is written as four components with no colour transform: CMYK or YCCK data. */
    static byte[] write(Raster raster, float quality) throws IOException {
        return write(new IIOImage(raster, null, null), quality);
    }

    private static byte[] write(IIOImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, image, param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Inserts a marker segment right after SOI. */
    static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >>> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        ByteArrayOutputStream app1 = new ByteArrayOutputStream();
        app1.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        app1.writeBytes(ExifBlock.orientation(orientation, littleEndian));
        return withSegment(jpeg, 0xE1, app1.toByteArray());
    }

    /** Photoshop's APP14 marker: transform 0 = CMYK, 2 = YCCK; both store inverted ink values. */
    static byte[] withAdobeMarker(byte[] jpeg, int transform) {
        return withSegment(jpeg, 0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform});
    }

    /** Overwrites the frame header's height and width (for header-only size attacks). */
    static byte[] withFrameSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (JpegSegments.Segment s : JpegSegments.scan(copy).segments()) {
            if (s.isStartOfFrame()) {
                int p = s.payloadStart();
                copy[p + 1] = (byte) (height >>> 8);
                copy[p + 2] = (byte) height;
                copy[p + 3] = (byte) (width >>> 8);
                copy[p + 4] = (byte) width;
                return copy;
            }
        }
        throw new IllegalArgumentException("no frame header");
    }
}
