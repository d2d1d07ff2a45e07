package dev.likeness.media;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import java.io.IOException;
import java.util.Iterator;
import java.util.function.Supplier;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Picks the ImageIO reader for each accepted format by class, never by ImageIO's ordering.
 *
 * <p>JPEG, WebP and TIFF go to TwelveMonkeys. The JDK's JPEG reader hands back raw CMYK/YCCK
 * samples (or refuses the file) where TwelveMonkeys converts to RGB, and measured no faster on
 * plain YCbCr photos (TwelveMonkeys drives the JDK's libjpeg underneath). PNG goes to the JDK
 * reader, the only one there is.
 *
 * <p>The TwelveMonkeys providers are registered here explicitly: ImageIO's own service scan runs
 * once, with whatever class loader is current at that moment, which under Quarkus may not see
 * the application's libraries. Registration also hands the TwelveMonkeys JPEG provider the JDK
 * reader it delegates to.
 */
final class FormatReaders {

    private static final String JDK_PNG_READER = "com.sun.imageio.plugins.png.PNGImageReaderSpi";

    private static final class Holder {
        static final FormatReaders INSTANCE = new FormatReaders();
    }

    private final ImageReaderSpi jpeg;
    private final ImageReaderSpi png;
    private final ImageReaderSpi webp;
    private final ImageReaderSpi tiff;

    private FormatReaders() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        jpeg = registered(registry, JPEGImageReaderSpi.class, JPEGImageReaderSpi::new);
        webp = registered(registry, WebPImageReaderSpi.class, WebPImageReaderSpi::new);
        tiff = registered(registry, TIFFImageReaderSpi.class, TIFFImageReaderSpi::new);
        png = byClassName(registry, JDK_PNG_READER);
    }

    static FormatReaders get() {
        return Holder.INSTANCE;
    }

    /** A fresh reader: ImageIO readers keep per-image state, so one per decode. */
    ImageReader open(ImageFormat format) throws IOException {
        ImageReaderSpi spi = switch (format) {
            case JPEG -> jpeg;
            case PNG -> png;
            case WEBP -> webp;
            case TIFF -> tiff;
        };
        return spi.createReaderInstance();
    }

    /** The provider class that will read the format; for tests and diagnostics. */
    String providerName(ImageFormat format) {
        return switch (format) {
            case JPEG -> jpeg.getClass().getName();
            case PNG -> png.getClass().getName();
            case WEBP -> webp.getClass().getName();
            case TIFF -> tiff.getClass().getName();
        };
    }

    private static <T extends ImageReaderSpi> T registered(IIORegistry registry, Class<T> type, Supplier<T> create) {
        T existing = registry.getServiceProviderByClass(type);
        if (existing != null) {
            return existing;
        }
        T provider = create.get();
        registry.registerServiceProvider(provider, ImageReaderSpi.class);
        return provider;
    }

    private static ImageReaderSpi byClassName(IIORegistry registry, String className) {
        Iterator<ImageReaderSpi> providers = registry.getServiceProviders(ImageReaderSpi.class, false);
        while (providers.hasNext()) {
            ImageReaderSpi provider = providers.next();
            if (provider.getClass().getName().equals(className)) {
                return provider;
            }
        }
        throw new IllegalStateException("ImageIO reader " + className + " is missing from this JDK");
    }
}
