package dev.likeness.faceindex;

import dev.likeness.common.VendorDataKey;
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
                               vs.id as live_session_id, vs.session_number as live_session_number,
                               vs.updated_at as live_session_updated_at, vs.status as live_session_status,
                               (select u.id from app_user u where u.application_id = ft.application_id and u.deleted_at is null
                                  and u.vendor_data_key = %s) as vendor_user_id
                        from face_template ft left join list_entry le on le.face_id = ft.id
                        left join verification_session vs on vs.id = coalesce(ft.session_id, le.reference_session_id)
                          and vs.deleted_at is null
                        where ft.id = ?1""".formatted(VendorDataKey.sql("ft.vendor_data")), Tuple.class)
                .setParameter(1, hit.face().id()).setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty(); // deleted since the search read it
        }
        Tuple row = rows.get(0);
        // The session is read in the same query (a deleted one counts as gone), not as an entity, so the
        // face index needs nothing from the session package.
        UUID liveSession = row.get("live_session_id", UUID.class);
        boolean live = liveSession != null;
        OffsetDateTime capturedAt = OffsetDateTime.ofInstant(row.get("created_at", java.time.Instant.class), ZoneOffset.UTC);
        IndexedFace face = hit.face();
        // A list entry outlives its session: it still names the session it was made from.
        UUID shownSession = live ? liveSession : row.get("reference_session_id", UUID.class);
        Long shownNumber = live ? row.get("live_session_number", Long.class) : row.get("reference_session_number", Long.class);
        return Optional.of(new IndexMatch(face.id(), shownSession, shownNumber, hit.score(), face.source().wire(),
                row.get("vendor_data", String.class),
                live ? OffsetDateTime.ofInstant(row.get("live_session_updated_at", java.time.Instant.class), ZoneOffset.UTC)
                        : capturedAt,
                live ? row.get("live_session_status", String.class) : null, face.blocklisted(), face.allowlisted(),
                row.get("api_service", String.class), row.get("vendor_user_id", UUID.class), row.get("media_id", UUID.class)));
    }
}
