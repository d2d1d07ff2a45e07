package dev.likeness.session;

import dev.likeness.common.ApiException;
import dev.likeness.common.FieldValidationException;
import dev.likeness.media.MediaVault;
import dev.likeness.storedface.StoredFaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Deletes sessions as Didit does: the session disappears from decisions and lists, its images
 * and stored faces are removed at once so old links stop working, and no webhook is sent.
 */
@ApplicationScoped
public class SessionRemoval {

    private final MediaVault vault;
    private final StoredFaces storedFaces;

    public SessionRemoval(MediaVault vault, StoredFaces storedFaces) {
        this.vault = vault;
        this.storedFaces = storedFaces;
    }

    @Transactional
    public void delete(UUID applicationId, UUID sessionId) {
        VerificationSession session = VerificationSession.findVisible(applicationId, sessionId)
                .orElseThrow(ApiException::notFound);
        remove(session);
    }

    /** {@code session_numbers} (digit strings) or {@code delete_all}. */
    @Transactional
    public int deleteMany(UUID applicationId, List<String> sessionNumbers, boolean deleteAll) {
        List<VerificationSession> sessions;
        if (deleteAll) {
            sessions = VerificationSession.list("applicationId = ?1 and deletedAt is null", applicationId);
        } else {
            if (sessionNumbers == null || sessionNumbers.isEmpty()) {
                throw new FieldValidationException("session_numbers", "This list may not be empty.");
            }
            List<Long> numbers = sessionNumbers.stream().map(n -> {
                if (n == null || !n.matches("\\d{1,18}")) {
                    throw new FieldValidationException("session_numbers", "Each session number must be a string of digits.");
                }
                return Long.parseLong(n);
            }).toList();
            sessions = VerificationSession.list("applicationId = ?1 and sessionNumber in ?2 and deletedAt is null",
                    applicationId, numbers);
        }
        sessions.forEach(this::remove);
        return sessions.size();
    }

    private void remove(VerificationSession session) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        session.deletedAt = now;
        session.updatedAt = now;
        session.sessionToken = null;
        vault.deleteSessionMedia(session.id);
        storedFaces.deleteForSession(session.id);
    }
}
