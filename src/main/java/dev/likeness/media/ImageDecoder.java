package dev.likeness.media;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes uploaded JPEG, PNG, WebP and TIFF bytes to an upright RGB image, refusing anything
 * else with a reason the API client can act on.
 *
 * <p>Costs are bounded before they are paid: the byte count first, then the dimensions read from
 * the header, so a small file that inflates to gigapixels is refused without allocating them.
 * Thread-safe; every call uses its own reader.
 */
@Singleton
public class ImageDecoder {

    /** The default of {@code likeness.media.analysis-max-pixels}. */
    public static final long DEFAULT_ANALYSIS_MAX_PIXELS = 16_000_000L;

    private final DecodeLimits defaultLimits;
    private final long analysisMaxPixels;

    /** For plain use and tests. */
    public ImageDecoder(DecodeLimits defaultLimits) {
        this(defaultLimits, DEFAULT_ANALYSIS_MAX_PIXELS);
    }

    public ImageDecoder(DecodeLimits defaultLimits, long analysisMaxPixels) {
        this.defaultLimits = defaultLimits;
        this.analysisMaxPixels = analysisMaxPixels;
    }

    @Inject
    public ImageDecoder(MediaConfig config) {
        this(config.uploadLimits(), config.analysisMaxPixels());
    }

    /** Decodes with the limits given at construction (the multipart upload limits in the service). */
    public DecodedImage decode(byte[] bytes) throws InvalidImageException {
        return decode(bytes, defaultLimits);
    }

    public DecodedImage decode(byte[] bytes, DecodeLimits limits) throws InvalidImageException {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidImageException(InvalidImageException.Reason.EMPTY, "The image is empty (0 bytes).");
        }
        limits.checkSize(bytes.length);
        ImageFormat format = FormatDetector.detect(bytes);
        Orientation orientation;
        byte[] input = bytes;
        boolean threeComponentJpeg = false;
        if (format == ImageFormat.JPEG) {
            JpegSegments jpeg = JpegSegments.scan(bytes);
            threeComponentJpeg = jpeg.componentCount() == 3;
            orientation = Orientation.fromExif(ExifOrientationReader.fromJpeg(jpeg, bytes));
            input = withoutRgbColourProfile(jpeg);
        } else {
            if (format == ImageFormat.WEBP) {
                WebpContainer.requireComplete(bytes);
            }
            orientation = ExifOrientationReader.read(bytes, format);
        }
        Read read = read(input, format, limits, analysisMaxPixels, threeComponentJpeg);
        BufferedImage stored = RgbConverter.toPackedRgb(read.image());
        BufferedImage upright = orientation.upright(stored);
        return new DecodedImage(upright, upright.getWidth(), upright.getHeight(), format, orientation, read.subsampling());
    }

    /**
     * Drops an embedded ICC profile from a grey or YCbCr JPEG. Applying it costs a colour
     * conversion of every pixel (about 30 ms for a 3-megapixel photo, measured, even when the
     * profile is plain sRGB), and OpenCV, which the anti-spoof model's upstream decodes with,
     * ignores profiles as well. CMYK and YCCK files keep theirs: it is what turns ink into RGB.
     */
    private static byte[] withoutRgbColourProfile(JpegSegments jpeg) {
        int components = jpeg.componentCount();
        if (components != 1 && components != 3) {
            return jpeg.bytes();
        }
        List<JpegSegments.Segment> profile = new ArrayList<>();
        for (JpegSegments.Segment s : jpeg.segments()) {
            if (jpeg.isIccProfile(s)) {
                profile.add(s);
            }
        }
        return jpeg.without(profile);
    }

    private record Read(BufferedImage image, int subsampling) {
    }

    /**
     * The smallest whole factor that brings the picture under the analysis budget. Subsampling
     * inside the reader never holds the full-size raster: a 49 MP photo would be 196 MB decoded.
     */
    static int subsampling(int width, int height, long maxPixels) {
        int n = 1;
        while ((long) ceilDiv(width, n) * ceilDiv(height, n) > maxPixels) {
            n++;
        }
        return n;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * Where a three-component JPEG is decoded: bytes in R, G, B order. The reader's default,
     * {@code TYPE_3BYTE_BGR}, stores them reversed, and a destination whose band order differs from
     * the decoder's rows sends every row through the JDK's sample-by-sample copy (its raster
     * {@code setRect} copies whole rows only between rasters in the same order): measured as about
     * a fifth of a face match's CPU. In the decoder's own order each row is one array copy.
     */
    private static BufferedImage rgbOrderedBytes(int width, int height) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, width * 3, 3,
                new int[] {0, 1, 2}, null);
        return new BufferedImage(model, raster, false, null);
    }

    private static Read read(byte[] input, ImageFormat format, DecodeLimits limits, long analysisMaxPixels,
                             boolean threeComponentJpeg) throws InvalidImageException {
        String name = format.displayName();
        List<String> warnings = new ArrayList<>();
        ImageReader reader = null;
        try (ImageInputStream in = new ByteArrayImageInputStream(input)) {
            reader = FormatReaders.get().open(format);
            // Metadata is skipped: orientation is parsed separately, and compressed text chunks
            // are themselves a way to make a small file expand.
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            limits.checkDimensions(format, width, height);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int n = subsampling(width, height, analysisMaxPixels);
            ImageReadParam param = reader.getDefaultReadParam();
            if (n > 1) {
                param.setSourceSubsampling(n, n, 0, 0);
            }
            if (threeComponentJpeg) {
                param.setDestination(rgbOrderedBytes(ceilDiv(width, n), ceilDiv(height, n)));
            }
            BufferedImage image = reader.read(0, param);
            for (String warning : warnings) {
                if (signalsTruncation(warning)) {
                    // libjpeg fills the missing rows with grey and only warns; a half-grey face is not an upload to accept.
                    throw truncated(name, null);
                }
            }
            if (image == null || image.getWidth() != ceilDiv(width, n) || image.getHeight() != ceilDiv(height, n)) {
                throw corrupt(name, null);
            }
            return new Read(image, n);
        } catch (InvalidImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Readers fed hostile bytes throw anything from IIOException to IndexOutOfBounds.
            throw hasEndOfFile(e) ? truncated(name, e) : corrupt(name, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    private static boolean signalsTruncation(String warning) {
        String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        return w.contains("truncated") || w.contains("premature end");
    }

    private static boolean hasEndOfFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || signalsTruncation(t.getMessage())
                    || t.getMessage() != null && t.getMessage().contains("Unexpected end of")) {
                return true;
            }
        }
        return false;
    }

    private static InvalidImageException truncated(String format, Throwable cause) {
        return new InvalidImageException(InvalidImageException.Reason.TRUNCATED,
                "The " + format + " image is truncated: the file ends before the picture does.", cause);
    }

    private static InvalidImageException corrupt(String format, Throwable cause) {
        return new InvalidImageException(InvalidImageException.Reason.CORRUPT,
                "The " + format + " image is damaged and cannot be decoded.", cause);
    }
}
