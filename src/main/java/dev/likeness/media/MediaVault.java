package dev.likeness.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps biometric images encrypted at rest, in PostgreSQL or in a directory (one interface either
 * way), and removes a session's images at once when the session is deleted.
 */
@ApplicationScoped
public class MediaVault {

    private static final Logger LOG = Logger.getLogger(MediaVault.class);

    /** Kind of a session's reference image, which a resubmission keeps. */
    public static final String REFERENCE = "reference";

    /** An image ready to serve. */
    public record Media(byte[] bytes, String contentType) {
    }

    private final MediaCipher cipher;
    private final Optional<Path> directory;

    public MediaVault(MediaCipher cipher, MediaConfig config) {
        this.cipher = cipher;
        if ("directory".equals(config.storage())) {
            Path dir = Path.of(config.directory().orElseThrow(() ->
                    new IllegalStateException("likeness.media.storage=directory needs likeness.media.directory")));
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create media directory " + dir, e);
            }
            this.directory = Optional.of(dir);
        } else if ("database".equals(config.storage())) {
            this.directory = Optional.empty();
        } else {
            throw new IllegalStateException("likeness.media.storage must be database or directory, not " + config.storage());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID store(UUID applicationId, UUID sessionId, String kind, String contentType, byte[] bytes) {
        MediaObject media = new MediaObject();
        media.id = UUID.randomUUID();
        MediaCipher.Sealed sealed = cipher.seal(bytes, media.id.toString());
        media.applicationId = applicationId;
        media.sessionId = sessionId;
        media.kind = kind;
        media.contentType = contentType;
        media.keyId = sealed.keyId();
        media.nonce = sealed.nonce();
        media.sizeBytes = bytes.length;
        media.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (directory.isPresent()) {
            media.storagePath = media.id + ".bin";
            write(directory.get().resolve(media.storagePath), sealed.ciphertext());
        } else {
            media.ciphertext = sealed.ciphertext();
        }
        media.persist();
        return media.id;
    }

    public Optional<Media> read(UUID mediaId) {
        MediaObject media = MediaObject.findById(mediaId);
        if (media == null) {
            return Optional.empty();
        }
        byte[] ciphertext = media.ciphertext;
        if (ciphertext == null) {
            Path file = directory.map(d -> d.resolve(media.storagePath)).orElse(null);
            if (file == null || !Files.exists(file)) {
                return Optional.empty();
            }
            try {
                ciphertext = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read stored media " + mediaId, e);
            }
        }
        byte[] plain = cipher.open(new MediaCipher.Sealed(media.keyId, media.nonce, ciphertext), media.id.toString());
        return Optional.of(new Media(plain, media.contentType));
    }

    /** Deletes rows now and files right after; links to them fail from this moment on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteSessionMedia(UUID sessionId) {
        remove(MediaObject.list("sessionId", sessionId));
    }

    /** Deletes what the end user captured (not the session's reference), for a resubmission. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteCaptures(UUID sessionId) {
        remove(MediaObject.list("sessionId = ?1 and kind <> ?2", sessionId, REFERENCE));
    }

    /** Replaces an earlier attempt's capture: only the last attempt counts, so only it is kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteCapturesOfKind(UUID sessionId, String kind) {
        remove(MediaObject.list("sessionId = ?1 and kind = ?2", sessionId, kind));
    }

    /** Deletes images that belong to no session (a list entry's face), by id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(java.util.Collection<UUID> mediaIds) {
        if (!mediaIds.isEmpty()) {
            remove(MediaObject.list("id in ?1", mediaIds));
        }
    }

    private void remove(List<MediaObject> media) {
        media.forEach(MediaObject::delete);
        MediaObject.flush();
        directory.ifPresent(dir -> media.stream().filter(m -> m.storagePath != null).forEach(m -> {
            try {
                Files.deleteIfExists(dir.resolve(m.storagePath));
            } catch (IOException e) {
                LOG.warnf("could not remove media file %s; its row is gone, so it can no longer be served", m.id);
            }
        }));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), "media", ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write media file", e);
        }
    }
}
