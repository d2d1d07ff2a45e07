package dev.likeness.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MediaConfigTest {

    @Test
    void defaultsFollowDidit() {
        MediaConfig config = StandaloneMediaConfig.config(Map.of());
        assertEquals(5L * 1024 * 1024, config.uploadMaxBytes());
        assertEquals(2 * 1024 * 1024, config.portraitMaxBase64Chars());
        assertEquals(50_000_000L, config.maxPixels());
        assertEquals(12_000, config.maxSide());
        assertEquals(DecodeLimits.DEFAULT, config.uploadLimits());
        assertEquals(1_572_864L, config.portraitLimits().maxBytes(), "2 MB of Base64 carries at most 1.5 MB");
    }

    @Test
    void propertiesOverrideDefaults() throws Exception {
        MediaConfig config = StandaloneMediaConfig.config(Map.of(
                "likeness.media.upload-max-bytes", "1000",
                "likeness.media.max-pixels", "100",
                "likeness.media.max-side", "20"));
        assertEquals(new DecodeLimits(1000, 100, 20), config.uploadLimits());

        ImageDecoder decoder = new ImageDecoder(config);
        byte[] png = PngFile.write(30, 2, 8, PngFile.GREY, (y, row) -> { });
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(png));
        assertEquals(InvalidImageException.Reason.TOO_MANY_PIXELS, e.reason());
        assertEquals(10, decoder.decode(PngFile.write(10, 10, 8, PngFile.GREY, (y, row) -> { })).width());
    }
}
