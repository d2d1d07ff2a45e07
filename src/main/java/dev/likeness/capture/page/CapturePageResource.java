package dev.likeness.capture.page;

import dev.likeness.capture.CaptureSessions;
import dev.likeness.common.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The hosted capture page at each session's {@code url}. The page itself is static; it reads the
 * session through the capture API. Only an unknown token is answered here (404), so a mistyped or
 * deleted link never shows a half-working page.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Capture page", description = "The end user's verification page")
public class CapturePageResource {

    private final CaptureSessions sessions;
    private final PageShell shell;

    public CapturePageResource(CaptureSessions sessions, PageShell shell) {
        this.sessions = sessions;
        this.shell = shell;
    }

    @GET
    @Path("session/{sessionToken}")
    @Operation(summary = "The capture page of a session")
    public Response page(@PathParam("sessionToken") String token) {
        return render(null, token);
    }

    /** The language pattern cannot match {@code v3}, so this never shadows the API. */
    @GET
    @Path("{lang: [A-Za-z]{2,3}(-[A-Za-z]{2,4})?}/session/{sessionToken}")
    @Operation(summary = "The capture page of a session, in a given language")
    public Response page(@PathParam("lang") String lang, @PathParam("sessionToken") String token) {
        return render(lang, token);
    }

    private Response render(String lang, String token) {
        boolean known;
        try {
            sessions.byToken(token);
            known = true;
        } catch (ApiException e) {
            known = false;
        }
        PageShell.Screen screen = known ? PageShell.Screen.CAPTURE : PageShell.Screen.NOT_FOUND;
        Response.ResponseBuilder response = Response.status(known ? 200 : 404).entity(shell.render(lang, screen));
        PageShell.SECURITY_HEADERS.forEach(response::header);
        return response.build();
    }
}
