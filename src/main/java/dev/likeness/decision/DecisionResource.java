package dev.likeness.decision;

import dev.likeness.common.ApiException;
import dev.likeness.security.Caller;
import dev.likeness.session.VerificationSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** {@code GET /v3/session/{id}/decision/}: the full v3 decision. */
@Path("/v3/session/{sessionId}/decision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class DecisionResource {

    private final DecisionBuilder builder;
    private final Caller caller;

    public DecisionResource(DecisionBuilder builder, Caller caller) {
        this.builder = builder;
        this.caller = caller;
    }

    @GET
    @Path("/")
    @Operation(summary = "A session's decision", description = "Media fields are signed links valid for 4 hours by default; fetch the decision again for new ones.")
    @APIResponse(responseCode = "200", description = "The decision envelope.",
            content = @Content(schema = @Schema(implementation = Decision.class),
                    examples = @ExampleObject(name = "decision", ref = "Decision")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Decision decision(@PathParam("sessionId") UUID sessionId) {
        VerificationSession session = VerificationSession.findVisible(caller.applicationId(), sessionId)
                .orElseThrow(ApiException::notFound);
        return builder.build(session);
    }
}
