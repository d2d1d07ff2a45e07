package dev.likeness.users;

import dev.likeness.faceindex.FaceImageUpload;
import dev.likeness.security.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user's imported profile faces. Didit offers this upload only on a console path; Likeness puts
 * it beside the user, with Didit's limits (five faces, 2 MB decoded).
 */
@Path("/v3/users/{vendor_data}/faces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class ProfileFaceResource {

    /** The upload body, as the lists' face upload takes it. */
    public record FaceBody(String image) {
    }

    static final long MAX_BYTES = 2L * 1024 * 1024;

    private final ProfileFaces faces;
    private final FaceImageUpload uploads;
    private final Caller caller;

    public ProfileFaceResource(ProfileFaces faces, FaceImageUpload uploads, Caller caller) {
        this.faces = faces;
        this.uploads = uploads;
        this.caller = caller;
    }

    @GET
    @Path("/")
    @Operation(summary = "A user's profile faces", description = "Oldest first, with signed image links. 404 for an unknown user.")
    @APIResponse(responseCode = "200", description = "The user's profile faces, oldest first.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Map<String, Object> list(@PathParam("vendor_data") String vendorData) {
        List<ProfileFaces.ProfileFace> list = faces.list(caller.applicationId(), vendorData);
        return Map.of("count", list.size(), "results", list);
    }

    @POST
    @Path("/")
    @Operation(summary = "Import a face into a user's profile",
            description = "image: Base64 JPEG, PNG or WebP, at most 2 MB decoded; the largest face is kept. 201 with the face. "
                    + "400 on image without a face or when the user already has 5; 404 for an unknown user. The face becomes "
                    + "the user's reference of last resort for biometric_authentication and is indexed as an imported face.")
    @APIResponse(responseCode = "201", description = "The face as stored, with a signed image link.",
            content = @Content(schema = @Schema(implementation = ProfileFaces.ProfileFace.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ImageServiceUnavailable")
    public Response add(@PathParam("vendor_data") String vendorData, FaceBody body) {
        // The user is checked before the image is analysed, so an unknown user costs no inference.
        faces.list(caller.applicationId(), vendorData);
        FaceImageUpload.UploadedFace upload = uploads.read(body == null ? null : body.image(), MAX_BYTES);
        return Response.status(201).entity(faces.add(caller.applicationId(), vendorData, upload)).build();
    }

    @DELETE
    @Path("/{face_id}/")
    @Operation(summary = "Remove a profile face", description = "204; it leaves the face index at once. 404 when unknown.")
    @APIResponse(responseCode = "204", description = "Removed; no body.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("vendor_data") String vendorData, @PathParam("face_id") UUID faceId) {
        faces.delete(caller.applicationId(), vendorData, faceId);
        return Response.noContent().build();
    }
}
