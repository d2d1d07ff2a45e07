package dev.likeness.lists;

import dev.likeness.common.Page;
import dev.likeness.common.PageQuery;
import dev.likeness.faceindex.FaceImageUpload;
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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /v3/lists/}: block, allow and custom lists and their entries. Every
 * application has a system blocklist per entry type; face entries are what liveness screening and
 * face search match against.
 */
@Path("/v3/lists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lists")
public class ListResource {

    /** {@code POST …/entries/face-upload/} body. */
    public record FaceUpload(String image, String displayLabel, String comment) {
    }

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 200;

    private final ListCatalog catalog;
    private final ListEntries entries;
    private final FaceImageUpload uploads;
    private final SystemLists systemLists;
    private final ListsConfig listsConfig;
    private final Caller caller;

    public ListResource(ListCatalog catalog, ListEntries entries, FaceImageUpload uploads, SystemLists systemLists,
                        ListsConfig listsConfig, Caller caller) {
        this.listsConfig = listsConfig;
        this.catalog = catalog;
        this.entries = entries;
        this.uploads = uploads;
        this.systemLists = systemLists;
        this.caller = caller;
    }

    @GET
    @Path("/")
    @Operation(summary = "List the application's lists",
            description = "Filters list_type (blocklist, allowlist, custom), entry_type, is_system; ordering created_at, "
                    + "entry_count, last_entry_added_at (prefix '-' for descending; default -created_at); limit (default 25, "
                    + "at most 200) and offset paging.")
    @APIResponse(responseCode = "200", description = "A page of lists.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<ListView> list(@QueryParam("list_type") String listType, @QueryParam("entry_type") String entryType,
                               @QueryParam("is_system") String isSystem, @QueryParam("ordering") String ordering,
                               @BeanParam PageQuery page, @Context UriInfo uri) {
        Page.Window window = page.window(DEFAULT_LIMIT, MAX_LIMIT);
        UUID app = application();
        var result = catalog.list(app, new ListCatalog.Filters(listType, entryType, isSystem, ordering), window);
        return Page.of(result.rows(), result.count(), window, uri);
    }

    @POST
    @Path("/")
    @Operation(summary = "Create an allowlist or custom list",
            description = "201 with the list. name (unique per application, case-insensitively, ≤ 255 characters), "
                    + "list_type allowlist or custom (blocklists are system lists), entry_type, description.")
    @APIResponse(responseCode = "201", description = "The list as created.",
            content = @Content(schema = @Schema(implementation = ListView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response create(ListCatalog.ListRequest body) {
        return Response.status(201).entity(catalog.create(application(), body)).build();
    }

    @GET
    @Path("/{listId}/")
    @Operation(summary = "Read a list")
    @APIResponse(responseCode = "200", description = "The list.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ListView get(@PathParam("listId") UUID listId) {
        return catalog.get(application(), listId);
    }

    @PATCH
    @Path("/{listId}/")
    @Operation(summary = "Rename or re-describe a list",
            description = "name and/or description; other fields are ignored. System lists: 400 with code system_list.")
    @APIResponse(responseCode = "200", description = "The list as changed.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ListView update(@PathParam("listId") UUID listId, ListCatalog.ListRequest body) {
        return catalog.update(application(), listId, body);
    }

    @DELETE
    @Path("/{listId}/")
    @Operation(summary = "Delete a list", description = "204; its entries and their faces go with it. System lists: 400 with code system_list.")
    @APIResponse(responseCode = "204", description = "Deleted; no body.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("listId") UUID listId) {
        catalog.delete(application(), listId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{listId}/entries/")
    @Operation(summary = "List a list's entries",
            description = "Newest first; search matches value or display_label, case-insensitively; limit (default 25, at most 200) "
                    + "and offset paging. A face entry's metadata carries a signed reference_image_url.")
    @APIResponse(responseCode = "200", description = "A page of the list's entries.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<EntryView> entries(@PathParam("listId") UUID listId, @QueryParam("search") String search,
                                   @BeanParam PageQuery page, @Context UriInfo uri) {
        Page.Window window = page.window(DEFAULT_LIMIT, MAX_LIMIT);
        var result = entries.list(application(), listId, search, window);
        return Page.of(result.rows(), result.count(), window, uri);
    }

    @POST
    @Path("/{listId}/entries/")
    @Operation(summary = "Add an entry",
            description = "201 with the entry. value (checked and normalised by the list's entry_type) or reference_session_id: "
                    + "on a face list the session's liveness face is copied into the entry; on a user list the session's "
                    + "vendor_data is taken. A value already on the list is a 400.")
    @APIResponse(responseCode = "201", description = "The entry as added.",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response addEntry(@PathParam("listId") UUID listId, ListEntries.NewEntry body) {
        return Response.status(201).entity(entries.add(application(), listId, body)).build();
    }

    @POST
    @Path("/{listId}/entries/face-upload/")
    @Operation(summary = "Add a face from an image",
            description = "201 with the entry; value and reference_object_uuid are the new face's id. image: Base64 JPEG, PNG or WebP, "
                    + "≤ 2 MB decoded; the largest face is kept. Face blocklists and allowlists only (else 400, code "
                    + "list_type_mismatch); no face → 400 on image and nothing stored.")
    @APIResponse(responseCode = "201", description = "The face entry as added.",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ImageServiceUnavailable")
    public Response faceUpload(@PathParam("listId") UUID listId, FaceUpload body) {
        UUID app = application();
        entries.faceUploadTarget(app, listId);
        FaceUpload request = body == null ? new FaceUpload(null, null, null) : body;
        Map<String, String> errors = new LinkedHashMap<>();
        ListEntries.Labels labels = ListEntries.labels(request.displayLabel(), request.comment(), null, errors);
        if (!errors.isEmpty()) {
            throw new dev.likeness.common.FieldValidationException(errors);
        }
        FaceImageUpload.UploadedFace upload = uploads.read(request.image(), listsConfig.faceUploadMaxBytes());
        return Response.status(201).entity(entries.addUploadedFace(app, listId, labels, upload)).build();
    }

    @DELETE
    @Path("/{listId}/entries/{entryId}/")
    @Operation(summary = "Remove an entry", description = "204; system lists too. A face entry's face goes with it, so it no longer matches.")
    @APIResponse(responseCode = "204", description = "Removed; no body.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response deleteEntry(@PathParam("listId") UUID listId, @PathParam("entryId") UUID entryId) {
        entries.delete(application(), listId, entryId);
        return Response.noContent().build();
    }

    /** The caller's application, with its system lists in place before anything reads or writes lists. */
    private UUID application() {
        UUID app = caller.applicationId();
        systemLists.ensure(app);
        return app;
    }
}
