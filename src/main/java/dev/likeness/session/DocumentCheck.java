package dev.likeness.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** A kyc session's identity-document photo, whose portrait becomes the face-match reference. */
@Entity
@Table(name = "document_check")
public class DocumentCheck extends SessionItem {

    @Column(name = "front_media_id")
    public UUID frontMediaId;

    @Column(name = "portrait_media_id")
    public UUID portraitMediaId;

    public static List<DocumentCheck> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by createdAt", sessionId);
    }
}
