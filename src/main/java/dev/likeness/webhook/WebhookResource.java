package dev.likeness.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.likeness.common.Page;
import dev.likeness.common.PageQuery;
import dev.likeness.security.Caller;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code /v3/webhook/}: the app-level webhook, destinations, their delivery log and resend. */
@Path("/v3/webhook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookResource {

    public record WebhookConfigView(String webhookUrl, String secretSharedKey, String webhookVersion,
                                    UUID destinationUuid) {
        static WebhookConfigView of(WebhookDestination legacy) {
            return new WebhookConfigView(legacy.url, legacy.secretSharedKey, legacy.webhookVersion, legacy.id);
        }
    }

    /**
     * One destination. The signing secret itself is shown once, in the answer that creates or rotates
     * it; otherwise only its last four characters, as in the list.
     */
    public record DestinationView(UUID uuid, String label, String url,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String secretSharedKey, String secretLast4,
                                  List<String> subscribedEvents, String webhookVersion, boolean enabled, boolean legacy,
                                  OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** A row of the list: never the secret itself, only its last four characters to tell secrets apart. */
    public record ListedDestination(UUID uuid, String label, String url, String secretLast4,
                                    List<String> subscribedEvents, int subscribedEventsCount, String webhookVersion,
                                    boolean enabled, boolean legacy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record DeliveryView(UUID uuid, UUID outboxId, UUID eventId, String webhookType, UUID sessionId,
                               String status, String trigger, int attempt, boolean success, Integer httpStatus,
                               Integer durationMs, String responseBody, String error, Long timestamp,
                               String deliveryState, OffsetDateTime createdAt, OffsetDateTime completedAt) {
        static DeliveryView of(WebhookDelivery d, WebhookEvent e) {
            return new DeliveryView(d.id, d.eventRowId, e.eventId, e.webhookType, e.sessionId, e.status, e.trigger,
                    d.attempt, d.success, d.httpStatus, d.durationMs, d.responseBody, d.error, d.sentTimestamp,
                    e.state, d.createdAt, d.completedAt);
        }
    }

    public record ResendView(String detail, UUID outboxId, UUID eventId, String deliveryState) {
    }

    private final WebhookDestinations destinations;
    private final WebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;
    private final Caller caller;

    public WebhookResource(WebhookDestinations destinations, WebhookOutbox outbox, WebhookDispatcher dispatcher,
                           Caller caller) {
        this.destinations = destinations;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.caller = caller;
    }

    @GET
    @Path("/")
    @Operation(summary = "Read the app-level webhook", description = "The legacy single webhook_url and its secret_shared_key.")
    @APIResponse(responseCode = "200", description = "The app-level webhook.")
    public WebhookConfigView config() {
        return WebhookConfigView.of(destinations.legacy(caller.applicationId()));
    }

    @PATCH
    @Path("/")
    @Operation(summary = "Change the app-level webhook", description = "webhook_url (null or empty clears it), webhook_version (v1, v2, v3), rotate_secret_key: true issues a new secret.")
    @APIResponse(responseCode = "200", description = "The app-level webhook as changed.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public WebhookConfigView updateConfig(JsonNode body) {
        return WebhookConfigView.of(destinations.updateLegacy(caller.applicationId(), body));
    }

    @GET
    @Path("/destinations/")
    @Operation(summary = "List webhook destinations",
            description = "A plain JSON array, oldest first, as Didit's. Rows show secret_last4, never the secret: it is shown once, when created or rotated.")
    @APIResponse(responseCode = "200", description = "Every destination, oldest first, without secrets.")
    public List<ListedDestination> list() {
        return WebhookDestination.listed(caller.applicationId()).stream().map(this::listed).toList();
    }

    @POST
    @Path("/destinations/")
    @Operation(summary = "Add a webhook destination", description = "label, url, subscribed_events (explicit list of status.updated, data.updated, user.status.updated, user.data.updated), webhook_version, enabled. The server issues secret_shared_key.")
    @APIResponse(responseCode = "201", description = "The destination with its secret_shared_key, shown this once.",
            content = @Content(schema = @Schema(implementation = DestinationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response create(JsonNode body) {
        return Response.status(201).entity(view(destinations.create(caller.applicationId(), body), true)).build();
    }

    @GET
    @Path("/destinations/{uuid}/")
    @Operation(summary = "Read a webhook destination")
    @APIResponse(responseCode = "200", description = "The destination, without its secret.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DestinationView get(@PathParam("uuid") UUID id) {
        return view(destinations.find(caller.applicationId(), id), false);
    }

    @PATCH
    @Path("/destinations/{uuid}/")
    @Operation(summary = "Change a webhook destination", description = "Any of label, url, subscribed_events, webhook_version, enabled; rotate_secret_key: true issues a new secret.")
    @APIResponse(responseCode = "200", description = "The destination as changed (with the new secret when rotated).")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DestinationView update(@PathParam("uuid") UUID id, JsonNode body) {
        boolean rotated = body != null && body.path("rotate_secret_key").asBoolean(false);
        return view(destinations.update(caller.applicationId(), id, body), rotated);
    }

    @DELETE
    @Path("/destinations/{uuid}/")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Remove a webhook destination", description = "Pending events and the delivery log go with it.")
    @APIResponse(responseCode = "204", description = "Removed; no body.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("uuid") UUID id) {
        destinations.delete(caller.applicationId(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/destinations/{uuid}/deliveries/")
    @Operation(summary = "Delivery log of a destination", description = "Every attempt, newest first: HTTP status, duration, the first KB of the answer, error.")
    @APIResponse(responseCode = "200", description = "A page of delivery attempts, newest first.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<DeliveryView> deliveries(@PathParam("uuid") UUID id, @BeanParam PageQuery page, @Context UriInfo uri) {
        Page.Window window = page.window(50, 200);
        WebhookDestination destination = destinations.find(caller.applicationId(), id);
        List<WebhookDelivery> rows = WebhookDelivery.ofDestination(destination.id, window);
        List<UUID> eventIds = rows.stream().map(d -> d.eventRowId).distinct().toList();
        Map<UUID, WebhookEvent> events = eventIds.isEmpty() ? Map.of()
                : WebhookEvent.<WebhookEvent>list("id in ?1", eventIds).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<DeliveryView> views = rows.stream().map(d -> DeliveryView.of(d, events.get(d.eventRowId))).toList();
        return Page.of(views, WebhookDelivery.countOfDestination(destination.id), window, uri);
    }

    @POST
    @Path("/destinations/{uuid}/deliveries/{deliveryUuid}/resend/")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a logged delivery's event again", description = "Queued at once with a fresh timestamp and signatures; the attempt shows up in the delivery log.")
    @APIResponse(responseCode = "202", description = "The event is queued again.",
            content = @Content(schema = @Schema(implementation = ResendView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response resend(@PathParam("uuid") UUID id, @PathParam("deliveryUuid") UUID deliveryId) {
        WebhookEvent queued = outbox.resend(caller.applicationId(), id, deliveryId);
        dispatcher.wake();
        return Response.status(202)
                .entity(new ResendView("Resend queued.", queued.id, queued.eventId, queued.state)).build();
    }

    private DestinationView view(WebhookDestination d, boolean withSecret) {
        return new DestinationView(d.id, d.label, d.url, withSecret ? d.secretSharedKey : null, last4(d.secretSharedKey),
                destinations.subscribedEvents(d), d.webhookVersion, d.enabled, d.legacy, d.createdAt, d.updatedAt);
    }

    private ListedDestination listed(WebhookDestination d) {
        List<String> events = destinations.subscribedEvents(d);
        return new ListedDestination(d.id, d.label, d.url, last4(d.secretSharedKey), events, events.size(),
                d.webhookVersion, d.enabled, d.legacy, d.createdAt, d.updatedAt);
    }

    private static String last4(String secret) {
        return secret.substring(Math.max(0, secret.length() - 4));
    }
}
