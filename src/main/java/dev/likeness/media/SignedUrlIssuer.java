package dev.likeness.media;

import dev.likeness.common.PublicUrlConfig;
import dev.likeness.common.SecretRules;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/**
 * Short-lived, HMAC-signed links to stored images, as Didit's decision fields carry. A link names
 * the media id and its expiry; changing either breaks the signature.
 */
@ApplicationScoped
public class SignedUrlIssuer {

    static final String SIGNING_KEY = "likeness.media.signing-key";

    private final PublicUrlConfig publicUrl;
    private final MediaConfig config;
    private final SecretKeySpec key;
    private final Clock clock;

    public SignedUrlIssuer(PublicUrlConfig publicUrl, MediaConfig config) {
        this.publicUrl = publicUrl;
        this.config = config;
        this.key = new SecretKeySpec(SecretRules.base64Key(SIGNING_KEY, config.signingKey(), 32, false), "HmacSHA256");
        this.clock = Clock.systemUTC();
    }

    /** A link valid for the configured lifetime, or null when there is no image. */
    public String link(UUID mediaId) {
        if (mediaId == null) {
            return null;
        }
        long expires = clock.instant().plus(config.linkLifetime()).getEpochSecond();
        return publicUrl.link("/media/" + mediaId + "?expires=" + expires + "&signature=" + sign(mediaId, expires));
    }

    public boolean verify(UUID mediaId, long expires, String signature) {
        if (signature == null || expires < clock.instant().getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(sign(mediaId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(UUID mediaId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("media:" + mediaId + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JRE", e);
        }
    }
}
