package dev.likeness.storedface;

import dev.likeness.face.FaceMatcher;
import dev.likeness.measurement.FaceMeasurer;
import dev.likeness.media.DecodedImage;
import dev.likeness.media.ImageDecoder;
import dev.likeness.media.InvalidImageException;
import dev.likeness.media.MediaVault;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Keeps a stored face comparable after the operator changes the face model pack: descriptors of
 * different recognisers are never compared, so a face described by another pack is described again
 * from its stored (encrypted) image the first time it is needed, and the new descriptor replaces
 * the old one. A face whose image is gone, or in which the new pack finds no face, is no reference.
 */
@ApplicationScoped
public class StoredFaceRefresher {

    private static final Logger LOG = Logger.getLogger(StoredFaceRefresher.class);

    private final StoredFaces faces;
    private final FaceMatcher matcher;
    private final FaceMeasurer measurer;
    private final MediaVault vault;
    private final ImageDecoder decoder;

    public StoredFaceRefresher(StoredFaces faces, FaceMatcher matcher, FaceMeasurer measurer,
                               MediaVault vault, ImageDecoder decoder) {
        this.faces = faces;
        this.matcher = matcher;
        this.measurer = measurer;
        this.vault = vault;
        this.decoder = decoder;
    }

    /** The face with a descriptor of the current pack, or empty when it cannot have one. */
    public Optional<StoredFaces.Face> current(StoredFaces.Face face) {
        if (matcher.modelVersion().equals(face.modelVersion())) {
            return Optional.of(face);
        }
        Optional<MediaVault.Media> media = face.mediaId() == null ? Optional.empty() : vault.read(face.mediaId());
        if (media.isEmpty()) {
            return Optional.empty();
        }
        DecodedImage decoded;
        try {
            decoded = decoder.decode(media.get().bytes());
        } catch (InvalidImageException e) {
            return Optional.empty();
        }
        float[] embedding = measurer.reference(() -> decoded).descriptor();
        if (embedding == null) {
            return Optional.empty();
        }
        faces.replaceEmbedding(face.id(), embedding, matcher.modelVersion());
        LOG.infof("stored face %s re-described from %s to %s", face.id(), face.modelVersion(), matcher.modelVersion());
        return Optional.of(new StoredFaces.Face(face.id(), face.sessionId(), face.source(), embedding, face.mediaId(),
                matcher.modelVersion()));
    }
}
