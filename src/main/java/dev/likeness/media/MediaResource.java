package dev.likeness.media;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Serves stored images behind signed links. Any failure (bad or expired signature, deleted image,
 * malformed id) is the same bare 403, so a link reveals nothing about what exists.
 */
@Path("/media")
@Tag(name = "Media")
public class MediaResource {

    private final SignedUrlIssuer links;
    private final MediaVault vault;

    public MediaResource(SignedUrlIssuer links, MediaVault vault) {
        this.links = links;
        this.vault = vault;
    }

    @GET
    @Path("/{mediaId: .*}")
    @Operation(summary = "Fetch an image through a signed link from a decision")
    public Response get(@PathParam("mediaId") String mediaId, @QueryParam("expires") String expires,
                        @QueryParam("signature") String signature) {
        // Raw strings, path and query: a typed parameter that fails to convert would be a JSON 404.
        UUID id;
        long expiry;
        try {
            id = UUID.fromString(mediaId);
            expiry = Long.parseLong(expires);
        } catch (IllegalArgumentException e) {
            return forbidden();
        }
        if (!links.verify(id, expiry, signature)) {
            return forbidden();
        }
        return vault.read(id)
                .map(media -> Response.ok(media.bytes(), media.contentType())
                        .header("Cache-Control", "private, no-store")
                        .header("X-Content-Type-Options", "nosniff")
                        .build())
                .orElseGet(MediaResource::forbidden);
    }

    private static Response forbidden() {
        return Response.status(403).build();
    }
}
