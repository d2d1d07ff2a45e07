package dev.likeness.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.likeness.common.Page;
import dev.likeness.common.PageQuery;
import dev.likeness.security.Caller;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

import java.util.Map;

/** The users API: users keyed by vendor_data within the caller's application. */
@Path("/v3/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    private final UserProfiles profiles;
    private final UserListing listing;
    private final UserRemoval removal;
    private final Caller caller;

    public UserResource(UserProfiles profiles, UserListing listing, UserRemoval removal, Caller caller) {
        this.profiles = profiles;
        this.listing = listing;
        this.removal = removal;
        this.caller = caller;
    }

    @GET
    @Path("/")
    @Operation(summary = "List users",
            description = "Users with the most recent session first (users without sessions last). limit (default 50, max 200) "
                    + "and offset paging; filters status (ACTIVE, FLAGGED, BLOCKED), search (vendor_data, names, emails, "
                    + "phones), country_code (an issuing state), created_after, created_before. Deleted users are not listed.")
    @APIResponse(responseCode = "200", description = "A page of users.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<UserView> list(@QueryParam("status") String status,
                               @QueryParam("search") String search,
                               @QueryParam("country_code") String countryCode,
                               @QueryParam("created_after") String createdAfter,
                               @QueryParam("created_before") String createdBefore,
                               @BeanParam PageQuery page,
                               @Context UriInfo uri) {
        Page.Window window = page.window(50, 200);
        UserListing.Result result = listing.list(caller.applicationId(),
                new UserListing.Filters(status, search, countryCode, createdAfter, createdBefore), window);
        return Page.of(result.rows(), result.count(), window, uri);
    }

    @POST
    @Path("/create/")
    @Operation(summary = "Create a user",
            description = "201 with the user. vendor_data is required (≤ 2000 UTF-8 bytes); trimmed and lower-cased it must be "
                    + "unique among the application's users, else 400 on vendor_data. approved_emails, approved_phones and "
                    + "issuing_states are accepted as arrays or as Didit's older objects and returned as arrays. "
                    + "Sends user.data.updated.")
    @APIResponse(responseCode = "201", description = "The user as created.",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response create(JsonNode body) {
        return Response.status(201).entity(profiles.create(caller.applicationId(), body)).build();
    }

    @POST
    @Path("/delete/")
    @Operation(summary = "Delete users",
            description = "vendor_data_list and didit_internal_id_list (combined), or delete_all: true. 200 {\"deleted\": n}; "
                    + "unknown values are ignored. The user's activity and faces go (faces leave the face index); sessions stay.")
    @APIResponse(responseCode = "200", description = "How many users were deleted.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Map<String, Integer> delete(JsonNode body) {
        return Map.of("deleted", removal.delete(caller.applicationId(), body));
    }

    @GET
    @Path("/{vendorData}/")
    @Operation(summary = "Get a user",
            description = "vendor_data URL-encoded; matched trimmed and case-insensitively. 404 for unknown or deleted users.")
    @APIResponse(responseCode = "200", description = "The user.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UserView get(@PathParam("vendorData") String vendorData) {
        return profiles.find(caller.applicationId(), vendorData);
    }

    @PATCH
    @Path("/{vendorData}/")
    @Operation(summary = "Update a user",
            description = "Any of display_name, full_name, date_of_birth, metadata (replaced whole), approved_emails, "
                    + "approved_phones, issuing_states; status with an optional reason acts like update-status. "
                    + "vendor_data cannot change. Sends user.data.updated with changed_fields when something changed.")
    @APIResponse(responseCode = "200", description = "The user as changed.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UserView update(@PathParam("vendorData") String vendorData, JsonNode body) {
        return profiles.update(caller.applicationId(), vendorData, body);
    }

    @PATCH
    @Path("/{vendorData}/update-status/")
    @Operation(summary = "Set a user's status",
            description = "status ACTIVE, FLAGGED or BLOCKED, optional reason (≤ 1000, kept in the user's comments). BLOCKED "
                    + "puts vendor_data on the system user blocklist and declines the user's next sessions; FLAGGED sends them "
                    + "to review at most. Sends user.status.updated; the current status again changes nothing.")
    @APIResponse(responseCode = "200", description = "The user with the new status.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UserView updateStatus(@PathParam("vendorData") String vendorData, JsonNode body) {
        return profiles.updateStatus(caller.applicationId(), vendorData, body);
    }
}
