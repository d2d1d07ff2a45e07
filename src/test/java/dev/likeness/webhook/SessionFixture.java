package dev.likeness.webhook;

import dev.likeness.session.SessionStatusChanged;
import dev.likeness.session.VerificationSession;
import dev.likeness.verdict.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Stands in for the session package's writers: stores a real session row and changes its status
 * in a transaction that fires {@link SessionStatusChanged}, as the real status changes do.
 */
@ApplicationScoped
class SessionFixture {

    private final Event<SessionStatusChanged> events;

    SessionFixture(Event<SessionStatusChanged> events) {
        this.events = events;
    }

    UUID create(UUID applicationId, String vendorData, String metadataJson) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            VerificationSession s = new VerificationSession();
            s.id = UUID.randomUUID();
            s.applicationId = applicationId;
            s.status = Status.NOT_STARTED;
            s.vendorData = vendorData;
            s.metadata = metadataJson;
            s.features = "[\"LIVENESS\",\"FACE_MATCH\"]";
            s.createdAt = now;
            s.updatedAt = now;
            s.persist();
            return s.id;
        });
    }

    void changeStatus(UUID applicationId, UUID sessionId, String to) {
        changeStatus(applicationId, sessionId, to, () -> { });
    }

    /** Also runs {@code inSameTransaction} after the event fired, before the commit. */
    void changeStatus(UUID applicationId, UUID sessionId, String to, Runnable inSameTransaction) {
        QuarkusTransaction.requiringNew().run(() -> {
            VerificationSession s = VerificationSession.findById(sessionId);
            Status from = s.status;
            Status next = Status.ofWire(to).orElseThrow();
            s.status = next;
            s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            events.fire(new SessionStatusChanged(applicationId, sessionId, from, next));
            inSameTransaction.run();
        });
    }
}
