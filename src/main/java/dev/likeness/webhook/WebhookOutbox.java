package dev.likeness.webhook;

import dev.likeness.common.ApiException;
import dev.likeness.session.SessionStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes webhook events into the outbox in the same transaction as the change they report, so an
 * event exists exactly when its change committed; the dispatcher sends them afterwards.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final WebhookDestinations destinations;
    private final WebhookDispatcher dispatcher;
    private final Event<UserEventQueued> userEventQueued;

    public WebhookOutbox(WebhookDestinations destinations, WebhookDispatcher dispatcher,
                         Event<UserEventQueued> userEventQueued) {
        this.destinations = destinations;
        this.dispatcher = dispatcher;
        this.userEventQueued = userEventQueued;
    }

    /** Runs synchronously inside the transaction that changed the status (or opens one if there was none). */
    @Transactional
    void onStatusChanged(@Observes SessionStatusChanged change) {
        if (change.to() != null) {
            record(change.applicationId(), change.sessionId(), WebhookEventTypes.STATUS_UPDATED, change.to().wire());
        }
    }

    /** Sends without waiting for the next poll once the change is visible to other transactions. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionStatusChanged change) {
        dispatcher.wake();
    }

    /** One outbox row per destination that receives {@code webhookType}; all share one {@code event_id}. */
    @Transactional
    public void record(UUID applicationId, UUID sessionId, String webhookType, String status) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (WebhookDestination destination : WebhookDestination.receiving(applicationId)) {
            if (destinations.subscribedEvents(destination).contains(webhookType)) {
                enqueue(destination, eventId, webhookType, sessionId, status, "automatic", now, now);
            }
        }
    }

    /**
     * A user event (users API): its flat body is fixed now, since the user may be edited or deleted
     * before it is sent. {@code userId} takes the place of the session id, so events of one user keep
     * their order per destination. Wakes the dispatcher once the caller's transaction commits.
     */
    @Transactional
    public void recordUserEvent(UUID applicationId, UUID userId, String webhookType, String status, String payload) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean queued = false;
        for (WebhookDestination destination : WebhookDestination.receiving(applicationId)) {
            if (destinations.subscribedEvents(destination).contains(webhookType)) {
                enqueue(destination, eventId, webhookType, userId, status, "automatic", now, now).payload = payload;
                queued = true;
            }
        }
        if (queued) {
            userEventQueued.fire(new UserEventQueued(applicationId));
        }
    }

    /** Fired inside the transaction that queued a user event, observed after it commits. */
    public record UserEventQueued(UUID applicationId) {
    }

    void onUserEventCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserEventQueued queued) {
        dispatcher.wake();
    }

    /**
     * Queues the event behind a logged delivery again, as a new outbox row with its own retry
     * window; the attempt gets a fresh {@code timestamp} and fresh signatures.
     */
    @Transactional
    public WebhookEvent resend(UUID applicationId, UUID destinationId, UUID deliveryId) {
        WebhookDestination destination = destinations.find(applicationId, destinationId);
        WebhookDelivery delivery = WebhookDelivery.findOfDestination(destination.id, deliveryId)
                .orElseThrow(ApiException::notFound);
        WebhookEvent original = WebhookEvent.findById(delivery.eventRowId);
        if (original == null) {
            throw ApiException.notFound();
        }
        WebhookEvent again = enqueue(destination, original.eventId, original.webhookType, original.sessionId,
                original.status, "resend", original.createdAt, OffsetDateTime.now(ZoneOffset.UTC));
        again.payload = original.payload;
        return again;
    }

    private static WebhookEvent enqueue(WebhookDestination destination, UUID eventId, String webhookType, UUID sessionId,
                                        String status, String trigger, OffsetDateTime createdAt, OffsetDateTime due) {
        WebhookEvent event = new WebhookEvent();
        event.id = UUID.randomUUID();
        event.applicationId = destination.applicationId;
        event.destinationId = destination.id;
        event.eventId = eventId;
        event.webhookType = webhookType;
        event.sessionId = sessionId;
        event.status = status;
        event.trigger = trigger;
        event.state = WebhookEvent.PENDING;
        event.attempts = 0;
        event.nextAttemptAt = due;
        event.createdAt = createdAt;
        event.persist();
        return event;
    }
}
