package dev.likeness.capture;

import dev.likeness.common.FieldValidationException;
import dev.likeness.measurement.BurstMeasurement;
import dev.likeness.measurement.DocumentMeasurement;
import dev.likeness.measurement.FaceMeasurer;
import dev.likeness.measurement.SelfieMeasurement;
import dev.likeness.media.DecodedImage;
import dev.likeness.media.ImageDecoder;
import dev.likeness.media.ImageDetail;
import dev.likeness.media.InvalidImageException;
import dev.likeness.media.MediaConfig;
import dev.likeness.session.PinnedSession;
import dev.likeness.session.SessionStatusMachine;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.LivenessMethod;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.likeness.common.ApiException;
import dev.likeness.liveness.active.HeadMove;
import dev.likeness.media.ImageFormat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The end user's side of a session, authenticated by the session token alone (it never holds an API
 * key). The hosted capture page drives these calls; every answer says what comes next.
 */
@Path("/capture/v1/{sessionToken}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Capture", description = "Called by the hosted capture page with the session token")
public class CaptureResource {

    private final CaptureSessions sessions;
    private final SessionStatusMachine machine;
    private final SelfieStep selfie;
    private final DocumentStep document;
    private final ChallengeStep challenge;
    private final FaceMeasurer measurer;
    private final ImageDecoder decoder;
    private final MediaConfig mediaConfig;

    public CaptureResource(CaptureSessions sessions, SessionStatusMachine machine, SelfieStep selfie,
                           DocumentStep document, ChallengeStep challenge, FaceMeasurer measurer, ImageDecoder decoder,
                           MediaConfig mediaConfig) {
        this.sessions = sessions;
        this.machine = machine;
        this.selfie = selfie;
        this.document = document;
        this.challenge = challenge;
        this.measurer = measurer;
        this.decoder = decoder;
        this.mediaConfig = mediaConfig;
    }

    @GET
    @Operation(summary = "Where the session stands and what to capture next")
    @APIResponse(responseCode = "200", description = "The session's status, its steps and what to capture next.",
            content = @Content(schema = @Schema(implementation = CaptureState.class)))
    public CaptureState state(@PathParam("sessionToken") String token) {
        return sessions.state(sessions.byToken(token), null);
    }

    @POST
    @Path("/start")
    @Transactional
    @Operation(summary = "The end user opened the session", description = "Not Started (or Resubmitted) → In Progress; fires status.updated.")
    @APIResponse(responseCode = "200", description = "The session, now In Progress.",
            content = @Content(schema = @Schema(implementation = CaptureState.class)))
    @APIResponse(responseCode = "409", ref = "CaptureConflict")
    public CaptureState start(@PathParam("sessionToken") String token) {
        PinnedSession open = sessions.byToken(token, true);
        Status status = open.session().status;
        if (status == Status.NOT_STARTED || status == Status.RESUBMITTED) {
            machine.move(open.session(), Status.IN_PROGRESS);
        } else if (status != Status.IN_PROGRESS) {
            CaptureSessions.requireInProgress(open.session());
        }
        return sessions.state(open, null);
    }

    @POST
    @Path("/selfie")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Submit a selfie", description = "Runs passive liveness when the workflow's liveness step is passive, and face match when the workflow has a face-match step; a failed attempt may be retried while attempts remain.")
    @APIResponse(responseCode = "200", description = "The session after the attempt, with last_attempt.",
            content = @Content(schema = @Schema(implementation = CaptureState.class)))
    @APIResponse(responseCode = "409", ref = "CaptureConflict")
    @APIResponse(responseCode = "503", ref = "ImageServiceUnavailable")
    public CaptureState submitSelfie(@PathParam("sessionToken") String token, @RestForm("image") FileUpload image) {
        Optional<LivenessMethod> liveness = selfie.requireExpected(token);
        byte[] bytes = read(image);
        SelfieMeasurement measurement = measurer.selfie(() -> decode(bytes), liveness, false);
        return selfie.record(token, bytes, measurement);
    }

    @POST
    @Path("/document")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Submit the identity-document photo (kyc)", description = "Its portrait becomes the face-match reference.")
    @APIResponse(responseCode = "200", description = "The session after the attempt, with last_attempt.",
            content = @Content(schema = @Schema(implementation = CaptureState.class)))
    @APIResponse(responseCode = "409", ref = "CaptureConflict")
    @APIResponse(responseCode = "503", ref = "ImageServiceUnavailable")
    public CaptureState submitDocument(@PathParam("sessionToken") String token, @RestForm("image") FileUpload image) {
        document.requireExpected(token);
        byte[] bytes = read(image);
        DocumentMeasurement measurement = measurer.document(() -> decode(bytes));
        return document.record(token, bytes, measurement);
    }

    @POST
    @Path("/challenge")
    @Operation(summary = "Get a head-move challenge (active liveness)",
            description = "For ACTIVE_3D sessions: the moves to ask for, in order, a nonce and an expiry; replaces an unused earlier challenge.")
    @APIResponse(responseCode = "200", description = "The moves to ask for, the nonce and the expiry.",
            content = @Content(schema = @Schema(implementation = ChallengeView.class)))
    @APIResponse(responseCode = "409", ref = "CaptureConflict")
    public ChallengeView issueChallenge(@PathParam("sessionToken") String token) {
        return challenge.issue(token);
    }

    @POST
    @Path("/challenge/{challengeId}/frames")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Submit the frames taken while doing the challenge",
            description = "Multipart: nonce, frames (JPEG, repeated, in capture order) and timestamps (client milliseconds, comma-separated, one per frame).")
    @APIResponse(responseCode = "200", description = "The session after the attempt, with last_attempt.",
            content = @Content(schema = @Schema(implementation = CaptureState.class)))
    @APIResponse(responseCode = "409", ref = "CaptureConflict")
    @APIResponse(responseCode = "503", ref = "ImageServiceUnavailable")
    public CaptureState submitFrames(@PathParam("sessionToken") String token, @PathParam("challengeId") String challengeId,
                                     @RestForm("nonce") String nonce, @RestForm("timestamps") String timestamps,
                                     @RestForm("frames") List<FileUpload> frames) {
        UUID id;
        try {
            id = UUID.fromString(challengeId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
        List<HeadMove> moves = challenge.requireUsable(token, id, nonce);
        FrameBurst burst = FrameBurst.read(frames, timestamps);
        List<BufferedImage> images = new ArrayList<>(burst.frames().size());
        for (int i = 0; i < burst.frames().size(); i++) {
            try {
                DecodedImage decoded = decoder.decode(burst.frames().get(i),
                        mediaConfig.uploadLimits().withMaxBytes(ChallengeStep.MAX_FRAME_BYTES));
                if (decoded.format() != ImageFormat.JPEG) {
                    throw new FieldValidationException("frames", "Frame " + (i + 1) + " is not a JPEG image.");
                }
                images.add(decoded.image());
            } catch (InvalidImageException e) {
                throw new FieldValidationException("frames", "Frame " + (i + 1) + ": " + e.getMessage());
            }
        }
        BurstMeasurement measurement = measurer.burst(images, moves);
        return challenge.record(token, id, nonce, burst.frames(), measurement);
    }

    private byte[] read(FileUpload image) {
        if (image == null || image.uploadedFile() == null) {
            throw new FieldValidationException("image", "No file was submitted.");
        }
        if (image.size() == 0) {
            throw new FieldValidationException("image", "The submitted file is empty.");
        }
        if (image.size() > mediaConfig.uploadMaxBytes()) {
            throw new FieldValidationException("image", "The image must be " + mediaConfig.uploadMaxBytes() / (1024 * 1024)
                    + " MB or smaller.");
        }
        try {
            return Files.readAllBytes(image.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A blank image is refused here, before the analysis, so it does not spend an attempt. */
    private DecodedImage decode(byte[] bytes) {
        try {
            DecodedImage decoded = decoder.decode(bytes, mediaConfig.uploadLimits());
            ImageDetail.require(decoded);
            return decoded;
        } catch (InvalidImageException e) {
            throw new FieldValidationException("image", e.getMessage());
        }
    }
}
