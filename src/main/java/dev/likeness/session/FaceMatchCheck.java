package dev.likeness.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A session's face-match item ({@code face_matches[]}); only the last attempt's score counts. */
@Entity
@Table(name = "face_match_check")
public class FaceMatchCheck extends SessionItem {

    public BigDecimal score;

    @Column(name = "source_image_session_id")
    public UUID sourceImageSessionId;

    @Column(name = "source_media_id")
    public UUID sourceMediaId;

    @Column(name = "target_media_id")
    public UUID targetMediaId;

    public static List<FaceMatchCheck> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by createdAt", sessionId);
    }
}
