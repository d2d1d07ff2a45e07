package dev.likeness.media;

import dev.likeness.NeedsSharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class Base64ImagePayloadTest {

    private static final long LIMIT = 2L * 1024 * 1024;

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.DEFAULT);

    private static InvalidImageException refused(String value, InvalidImageException.Reason reason) {
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> Base64ImagePayload.decode(value, LIMIT));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    @NeedsSharedData
    @Test
    void plainBase64OfARealPhotoDecodesToTheSameImage() throws Exception {
        byte[] photo = EvalImages.read("faces/colin_powell__1.jpg");
        byte[] bytes = Base64ImagePayload.decode(Base64.getEncoder().encodeToString(photo), LIMIT);
        assertArrayEquals(photo, bytes);
        DecodedImage decoded = decoder.decode(bytes, StandaloneMediaConfig.portrait());
        assertEquals(250, decoded.width());
    }

    @NeedsSharedData
    @Test
    void dataUrlPrefixIsAccepted() throws Exception {
        byte[] photo = EvalImages.read("faces/bbt_amy__1.png");
        String encoded = Base64.getEncoder().encodeToString(photo);
        assertArrayEquals(photo, Base64ImagePayload.decode("data:image/png;base64," + encoded, LIMIT));
        assertArrayEquals(photo, Base64ImagePayload.decode("  DATA:image/jpeg;BASE64," + encoded + "\n", LIMIT),
                "declared type is ignored; case and surrounding whitespace do not matter");
    }

    @Test
    void mimeLineBreaksUrlSafeAlphabetAndMissingPaddingAreAccepted() throws Exception {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        assertArrayEquals(data, Base64ImagePayload.decode(Base64.getMimeEncoder().encodeToString(data), LIMIT));
        assertArrayEquals(data, Base64ImagePayload.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(data), LIMIT));
    }

    @Test
    void invalidBase64IsRefused() {
        refused("abc$def", InvalidImageException.Reason.INVALID_BASE64);
        refused("abcde", InvalidImageException.Reason.INVALID_BASE64); // 5 characters cannot make whole bytes
        refused("ab=c", InvalidImageException.Reason.INVALID_BASE64);
        refused("abc===", InvalidImageException.Reason.INVALID_BASE64);
        refused("data:image/png,%89PNG", InvalidImageException.Reason.INVALID_BASE64);
        refused("data:image/png;base64", InvalidImageException.Reason.INVALID_BASE64);
        assertTrue(refused("abc$def", InvalidImageException.Reason.INVALID_BASE64).getMessage().contains("position 4"));
    }

    @Test
    void emptyValuesAreRefused() {
        refused("", InvalidImageException.Reason.EMPTY);
        refused("   \n", InvalidImageException.Reason.EMPTY);
        refused(null, InvalidImageException.Reason.EMPTY);
        refused("data:image/png;base64,", InvalidImageException.Reason.EMPTY);
    }

    @Test
    void overTheLimitIsRefusedBeforeDecoding() {
        char[] big = new char[(int) LIMIT + 4];
        Arrays.fill(big, 'A');
        big[10] = '$'; // never reached: the size check comes first
        InvalidImageException e = refused(new String(big), InvalidImageException.Reason.TOO_LARGE);
        assertTrue(e.getMessage().contains("2.0 MB of Base64"), e.getMessage());
    }

    @Test
    void exactlyAtTheLimitIsAccepted() throws Exception {
        char[] atLimit = new char[(int) LIMIT];
        Arrays.fill(atLimit, 'A');
        assertEquals(LIMIT / 4 * 3, Base64ImagePayload.decode(new String(atLimit), LIMIT).length);
    }

    @Test
    void base64OfNonImageIsRefusedByTheDecoder() throws Exception {
        byte[] bytes = Base64ImagePayload.decode(Base64.getEncoder().encodeToString("%PDF-1.4 hello".getBytes()), LIMIT);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(bytes, StandaloneMediaConfig.portrait()));
        assertEquals(InvalidImageException.Reason.UNSUPPORTED_FORMAT, e.reason());
    }
}
