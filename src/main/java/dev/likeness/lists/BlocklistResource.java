package dev.likeness.lists;

import dev.likeness.common.ApiException;
import dev.likeness.common.FieldValidationException;
import dev.likeness.common.Page;
import dev.likeness.common.PageQuery;
import dev.likeness.security.Caller;
import dev.likeness.session.VerificationSession;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.UUID;

/**
 * The older {@code /v3/blocklist/} endpoints: thin aliases on the system face
 * blocklist. Likeness keeps faces only, so the document, phone and email flags are accepted and do
 * nothing.
 */
@Path("/v3/blocklist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lists")
public class BlocklistResource {

    public record AddRequest(String sessionId, Boolean blocklistFace, Boolean blocklistDocument, Boolean blocklistPhone,
                             Boolean blocklistEmail) {
    }

    public record RemoveRequest(String sessionId, Boolean unblockFace, Boolean unblockDocument, Boolean unblockPhone,
                                Boolean unblockEmail) {
    }

    public record Message(String message) {
    }

    static final String ADDED = "Successfully added to blocklist.";
    static final String REMOVED = "Successfully removed from blocklist.";

    private final ListEntries entries;
    private final ListFaces faces;
    private final SystemLists systemLists;
    private final Caller caller;

    public BlocklistResource(ListEntries entries, ListFaces faces, SystemLists systemLists, Caller caller) {
        this.entries = entries;
        this.faces = faces;
        this.systemLists = systemLists;
        this.caller = caller;
    }

    @POST
    @Path("/add/")
    @Transactional
    @Operation(summary = "Blocklist a session's face (older endpoint)",
            description = "session_id, blocklist_face: the session's liveness face is copied to the system Face Blocklist "
                    + "(again for a session already there: no change). blocklist_document/phone/email are accepted and do "
                    + "nothing. Unknown session: 404.")
    @APIResponse(responseCode = "200", description = "The session's items are blocklisted.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Message add(AddRequest body) {
        AddRequest request = body == null ? new AddRequest(null, null, null, null, null) : body;
        UUID app = caller.applicationId();
        VerificationSession session = VerificationSession.findVisible(app, sessionId(request.sessionId()))
                .orElseThrow(ApiException::notFound);
        if (Boolean.TRUE.equals(request.blocklistFace())) {
            UUID blocklist = systemLists.faceBlocklist(app);
            boolean already = ListEntry.count("listId = ?1 and referenceSessionId = ?2 and faceId is not null",
                    blocklist, session.id) > 0;
            if (!already && !faces.sessionHasFace(session.id)) {
                throw new FieldValidationException("session_id", "This session has no face to blocklist.");
            }
            if (!already) {
                entries.add(app, blocklist, new ListEntries.NewEntry(null, session.id.toString(), null, null, null, null));
            }
        }
        return new Message(ADDED);
    }

    @POST
    @Path("/remove/")
    @Transactional
    @Operation(summary = "Unblock a session's face (older endpoint)",
            description = "session_id, unblock_face: removes the system Face Blocklist entries made from that session; "
                    + "faces added to the list directly stay. unblock_document/phone/email are accepted and do nothing. "
                    + "A session that is neither visible nor on the blocklist: 404.")
    @APIResponse(responseCode = "200", description = "The session's items are no longer blocklisted.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Message remove(RemoveRequest body) {
        RemoveRequest request = body == null ? new RemoveRequest(null, null, null, null, null) : body;
        UUID app = caller.applicationId();
        UUID sessionId = sessionId(request.sessionId());
        UUID blocklist = systemLists.faceBlocklist(app);
        // Entries outlive their session, so a deleted session's entries can still be removed.
        boolean onList = ListEntry.count("listId = ?1 and referenceSessionId = ?2", blocklist, sessionId) > 0;
        if (!onList && VerificationSession.findVisible(app, sessionId).isEmpty()) {
            throw ApiException.notFound();
        }
        if (Boolean.TRUE.equals(request.unblockFace())) {
            entries.deleteMadeFromSession(blocklist, sessionId);
        }
        return new Message(REMOVED);
    }

    @GET
    @Path("/")
    @Operation(summary = "Entries of the system Face Blocklist (older endpoint)",
            description = "The same page as GET /v3/lists/{face blocklist}/entries/: search, limit (default 25), offset.")
    @APIResponse(responseCode = "200", description = "A page of blocklist entries.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<EntryView> list(@QueryParam("search") String search, @BeanParam PageQuery page, @Context UriInfo uri) {
        Page.Window window = page.window(ListResource.DEFAULT_LIMIT, ListResource.MAX_LIMIT);
        UUID app = caller.applicationId();
        var result = entries.list(app, systemLists.faceBlocklist(app), search, window);
        return Page.of(result.rows(), result.count(), window, uri);
    }

    private static UUID sessionId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new FieldValidationException("session_id", "This field is required.");
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException("session_id", "Must be a valid UUID.");
        }
    }
}
