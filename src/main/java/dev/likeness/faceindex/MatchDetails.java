package dev.likeness.faceindex;

import dev.likeness.common.VendorDataKey;
import dev.likeness.session.VerificationSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns the few hits an answer shows into Didit's match objects, reading what the index does not
 * keep in memory: the session a face came from (for a list entry, the session it was made from),
 * its number and status, and the image.
 */
@ApplicationScoped
public class MatchDetails {

    private final EntityManager em;

    public MatchDetails(EntityManager em) {
        this.em = em;
    }

    public List<IndexMatch> of(List<FaceIndex.Hit> hits) {
        List<IndexMatch> matches = new ArrayList<>();
        for (FaceIndex.Hit hit : hits) {
            of(hit).ifPresent(matches::add);
        }
        return matches;
    }

    private Optional<IndexMatch> of(FaceIndex.Hit hit) {
        List<Tuple> rows = em.createNativeQuery("""
                        select ft.session_id as session_id, ft.vendor_data as vendor_data, ft.api_service as api_service,
                               ft.created_at as created_at, ft.media_id as media_id,
                               le.reference_session_id as reference_session_id,
                               le.reference_session_number as reference_session_number,
                               (select u.id from app_user u where u.application_id = ft.application_id and u.deleted_at is null
                                  and u.vendor_data_key = %s) as vendor_user_id
                        from face_template ft left join list_entry le on le.face_id = ft.id
                        where ft.id = ?1""".formatted(VendorDataKey.sql("ft.vendor_data")), Tuple.class)
                .setParameter(1, hit.face().id()).setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty(); // deleted since the search read it
        }
        Tuple row = rows.get(0);
        UUID sessionId = row.get("session_id", UUID.class);
        if (sessionId == null) {
            sessionId = row.get("reference_session_id", UUID.class);
        }
        VerificationSession session = sessionId == null ? null : VerificationSession.findById(sessionId);
        if (session != null && session.deletedAt != null) {
            session = null;
        }
        OffsetDateTime capturedAt = OffsetDateTime.ofInstant(row.get("created_at", java.time.Instant.class), ZoneOffset.UTC);
        IndexedFace face = hit.face();
        // A list entry outlives its session: it still names the session it was made from.
        UUID shownSession = session != null ? session.id : row.get("reference_session_id", UUID.class);
        Long shownNumber = session != null ? session.sessionNumber : row.get("reference_session_number", Long.class);
        return Optional.of(new IndexMatch(face.id(), shownSession, shownNumber, hit.score(), face.source().wire(),
                row.get("vendor_data", String.class), session == null ? capturedAt : session.updatedAt,
                session == null ? null : session.status, face.blocklisted(), face.allowlisted(),
                row.get("api_service", String.class), row.get("vendor_user_id", UUID.class), row.get("media_id", UUID.class)));
    }
}
