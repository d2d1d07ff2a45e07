package dev.likeness.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.risk.Warning;
import dev.likeness.security.Caller;
import dev.likeness.verdict.LivenessJudge;
import dev.likeness.verdict.LivenessPolicy;
import dev.likeness.verdict.Status;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** {@code POST /v3/passive-liveness/}: is a single selfie a live person (reference §7.2). */
@Path("/v3/passive-liveness")
@Tag(name = "Standalone APIs")
public class PassiveLivenessResource {

    public record LivenessResult(String status, String method, Double score, ImageFaces userImage,
                                 List<Warning> warnings, Double faceQuality, Double faceLuminance) {
    }

    public record LivenessResponse(UUID requestId, LivenessResult liveness, String vendorData, JsonNode metadata,
                                   OffsetDateTime createdAt) {
    }

    private final StandaloneImage images;
    private final SelfieMeasurer measurer;
    private final ApiRequestRecorder recorder;
    private final Caller caller;
    private final ObjectMapper mapper;

    public PassiveLivenessResource(StandaloneImage images, SelfieMeasurer measurer, ApiRequestRecorder recorder,
                                   Caller caller, ObjectMapper mapper) {
        this.images = images;
        this.measurer = measurer;
        this.recorder = recorder;
        this.caller = caller;
        this.mapper = mapper;
    }

    @POST
    @Path("/")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Passive liveness of one selfie",
            description = "Declined when the score (0–100) is at or below face_liveness_score_decline_threshold (default 30), "
                    + "or no face is found. 503 liveness_model_unavailable when the anti-spoof weights are not installed.")
    public LivenessResponse check(@RestForm("user_image") FileUpload userImage,
                                  @RestForm("face_liveness_score_decline_threshold") String threshold,
                                  @BeanParam CommonForm sent) {
        FormFields form = new FormFields();
        double decline = form.threshold("face_liveness_score_decline_threshold", threshold, 30);
        FormFields.Common common = form.common(sent, mapper);
        StandaloneImage.Upload user = images.read("user_image", userImage, form);
        form.throwIfInvalid();

        SelfieMeasurer.Measured measured = measurer.measure(user, common.rotate());
        FaceAnalysis analysis = measured.analysis();
        List<Warning> warnings = LivenessJudge.judge(measured.score(), analysis.quality(), analysis.faces().size(),
                LivenessPolicy.standalone(decline), null);
        String status = Status.standalone(warnings);
        Double quality = analysis.quality() == null ? null : analysis.quality().quality();
        Double luminance = analysis.quality() == null ? null : analysis.quality().luminance();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID requestId = common.save()
                ? recorder.liveness(caller.applicationId(), "PASSIVE_LIVENESS", status, measured.score(), quality, luminance,
                        null, warnings, common.vendorData(), common.metadata(),
                        new ApiRequestRecorder.StoredImage(user.bytes(), user.contentType(), "selfie"), now)
                : UUID.randomUUID();
        LivenessResult result = new LivenessResult(status, "PASSIVE", measured.score(), ImageFaces.of(analysis), warnings,
                quality, luminance);
        return new LivenessResponse(requestId, result, common.vendorData(), common.metadata(), now);
    }
}
