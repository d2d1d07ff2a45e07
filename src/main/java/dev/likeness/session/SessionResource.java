package dev.likeness.session;

import dev.likeness.common.Page;
import dev.likeness.common.PageQuery;
import dev.likeness.security.Caller;
import dev.likeness.verdict.Status;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The sessions API: create, list, delete, reviewer status changes and review log. */
@Path("/v3")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class SessionResource {

    public record BatchDelete(List<String> sessionNumbers, Boolean deleteAll) {
    }

    public record ReviewView(UUID id, String action, Status oldStatus, Status newStatus, String note,
                             OffsetDateTime createdAt) {
        static ReviewView of(SessionReview r) {
            return new ReviewView(r.id, r.action, r.oldStatus, r.newStatus, r.comment, r.createdAt);
        }
    }

    private final SessionCreator creator;
    private final SessionListing listing;
    private final SessionRemoval removal;
    private final SessionReviews reviews;
    private final Caller caller;

    public SessionResource(SessionCreator creator, SessionListing listing, SessionRemoval removal,
                           SessionReviews reviews, Caller caller) {
        this.creator = creator;
        this.listing = listing;
        this.removal = removal;
        this.reviews = reviews;
        this.caller = caller;
    }

    @POST
    @Path("/session/")
    @Operation(summary = "Create a verification session",
            description = "Returns 201 with the session's URL for the end user. An unfinished session of the same vendor_data on the "
                    + "workflow's current version is reused (callback and metadata overwritten). For biometric_authentication "
                    + "with face match the reference is portrait_image (Base64, ≤ 2 MB, must show a face) or the newest stored "
                    + "face of vendor_data.")
    @APIResponse(responseCode = "201", description = "The session, or the unfinished one of the same vendor_data reused.",
            content = @Content(schema = @Schema(implementation = SessionView.class),
                    examples = @ExampleObject(name = "created", ref = "SessionCreated")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response create(@RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = CreateSessionRequest.class),
            examples = @ExampleObject(name = "portrait", ref = "SessionCreateRequest"))) CreateSessionRequest body) {
        return Response.status(201).entity(creator.create(caller.applicationId(), body).view()).build();
    }

    @GET
    @Path("/sessions/")
    @Operation(summary = "List sessions", description = "Newest first; filters combine with AND; limit (default 50) and offset paging.")
    @APIResponse(responseCode = "200", description = "A page of sessions, newest first.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<SessionListing.Row> list(@QueryParam("session_kind") String sessionKind,
                                         @QueryParam("vendor_data") String vendorData,
                                         @QueryParam("status") String status,
                                         @QueryParam("workflow_id") String workflowId,
                                         @QueryParam("country") String country,
                                         @QueryParam("date_from") String dateFrom,
                                         @QueryParam("date_to") String dateTo,
                                         @QueryParam("search") String search,
                                         @BeanParam PageQuery page,
                                         @Context UriInfo uri) {
        Page.Window window = page.window(50, 500);
        var result = listing.list(caller.applicationId(), new SessionListing.Filters(sessionKind, vendorData, status,
                workflowId, country, dateFrom, dateTo, search), window);
        return Page.of(result.rows(), result.count(), window, uri);
    }

    @DELETE
    @Path("/session/{sessionId}/delete/")
    @Operation(summary = "Delete a session", description = "204; its images and stored faces go at once and old links stop working. No webhook.")
    @APIResponse(responseCode = "204", description = "Deleted; no body.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("sessionId") UUID sessionId) {
        removal.delete(caller.applicationId(), sessionId);
        return Response.noContent().build();
    }

    @POST
    @Path("/sessions/delete/")
    @Operation(summary = "Delete several sessions",
            description = "session_numbers (digit strings) or delete_all: true. 204 with an empty body, like deleting one session.")
    @APIResponse(responseCode = "204", description = "Deleted; no body.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response deleteMany(BatchDelete body) {
        BatchDelete request = body == null ? new BatchDelete(null, null) : body;
        removal.deleteMany(caller.applicationId(), request.sessionNumbers(), Boolean.TRUE.equals(request.deleteAll()));
        return Response.noContent().build();
    }

    @PATCH
    @Path("/session/{sessionId}/update-status/")
    @Operation(summary = "Approve, decline or ask for resubmission",
            description = "Allowed from Approved, Declined, In Review, Kyc Expired, Abandoned, Resubmitted.")
    @APIResponse(responseCode = "200", description = "The status changed; the answer names the session.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Map<String, UUID> updateStatus(@PathParam("sessionId") UUID sessionId, SessionReviews.UpdateStatus body) {
        reviews.updateStatus(caller.applicationId(), sessionId, body);
        return Map.of("session_id", sessionId);
    }

    @GET
    @Path("/sessions/{sessionId}/reviews/")
    @Operation(summary = "Review activity of a session")
    @APIResponse(responseCode = "200", description = "A page of the session's review activity.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<ReviewView> reviewLog(@PathParam("sessionId") UUID sessionId, @BeanParam PageQuery page, @Context UriInfo uri) {
        VerificationSession.findVisible(caller.applicationId(), sessionId)
                .orElseThrow(dev.likeness.common.ApiException::notFound);
        Page.Window window = page.window(50, 500);
        List<ReviewView> all = SessionReview.ofSession(sessionId).stream().map(ReviewView::of).toList();
        return Page.of(window.of(all), all.size(), window, uri);
    }

    @POST
    @Path("/sessions/{sessionId}/reviews/")
    @Operation(summary = "Add a review", description = "Approved or Declined change the status; In Review records a note only.")
    @APIResponse(responseCode = "201", description = "The review as recorded.",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response addReview(@PathParam("sessionId") UUID sessionId, SessionReviews.NewReview body) {
        SessionReview review = reviews.addReview(caller.applicationId(), sessionId, body);
        return Response.status(201).entity(ReviewView.of(review)).build();
    }
}
