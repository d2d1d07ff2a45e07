package dev.likeness.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code POST /v3/age-estimation/}: apparent age plus passive liveness of one selfie (reference §7.4). */
@Path("/v3/age-estimation")
@Tag(name = "Standalone APIs")
public class AgeEstimationResource {

    public record AgeEstimationResult(String status, String method, Double score, ImageFaces userImage,
                                      Double ageEstimation, List<Warning> warnings) {
    }

    public record AgeEstimationResponse(UUID requestId, AgeEstimationResult ageEstimation, String vendorData,
                                        JsonNode metadata, OffsetDateTime createdAt) {
    }

    private final StandaloneImage images;
    private final SelfieMeasurer measurer;
    private final ApiRequestRecorder recorder;
    private final Caller caller;
    private final ObjectMapper mapper;

    public AgeEstimationResource(StandaloneImage images, SelfieMeasurer measurer, ApiRequestRecorder recorder,
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
    @Operation(summary = "Estimate age and passive liveness",
            description = "Approved only without warnings: LOW_LIVENESS_SCORE (score ≤ face_liveness_score_decline_threshold, default 30), "
                    + "LIVENESS_FACE_ATTACK, NO_FACE_DETECTED, AGE_NOT_DETECTED, AGE_BELOW_MINIMUM (age < age_estimation_decline_threshold, default 18; 0 disables).")
    public AgeEstimationResponse estimate(@RestForm("user_image") FileUpload userImage,
                                          @RestForm("face_liveness_score_decline_threshold") String livenessThreshold,
                                          @RestForm("age_estimation_decline_threshold") String ageThreshold,
                                          @BeanParam CommonForm sent) {
        FormFields form = new FormFields();
        double decline = form.threshold("face_liveness_score_decline_threshold", livenessThreshold, 30);
        int minimumAge = form.wholeNumber("age_estimation_decline_threshold", ageThreshold, 18, 0, 150);
        FormFields.Common common = form.common(sent, mapper);
        StandaloneImage.Upload user = images.read("user_image", userImage, form);
        form.throwIfInvalid();

        SelfieMeasurer.Measured measured = measurer.measure(user, common.rotate());
        FaceAnalysis analysis = measured.analysis();
        Double age = analysis.subject().map(s -> s.age()).map(a -> Math.round(a * 100.0) / 100.0).orElse(null);
        // Any warning declines here, so the liveness checks that only inform elsewhere are left out.
        List<Warning> warnings = new ArrayList<>(LivenessJudge.judge(measured.score(), null, analysis.faces().size(),
                LivenessPolicy.standalone(decline), null).stream()
                .filter(w -> !Risk.MULTIPLE_FACES_DETECTED.name().equals(w.risk())).toList());
        if (age == null) {
            warnings.add(Warning.standalone(Risk.AGE_NOT_DETECTED, LogType.ERROR));
        } else if (minimumAge > 0 && age < minimumAge) {
            warnings.add(Warning.standalone(Risk.AGE_BELOW_MINIMUM, LogType.ERROR));
        }
        String status = warnings.isEmpty() ? Status.APPROVED : Status.DECLINED;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID requestId = common.save()
                ? recorder.liveness(caller.applicationId(), "AGE_ESTIMATION", status, measured.score(), null, null, age,
                        warnings, common.vendorData(), common.metadata(),
                        new ApiRequestRecorder.StoredImage(user.bytes(), user.contentType(), "selfie"), now)
                : UUID.randomUUID();
        AgeEstimationResult result = new AgeEstimationResult(status, "PASSIVE", measured.score(), ImageFaces.of(analysis),
                age, warnings);
        return new AgeEstimationResponse(requestId, result, common.vendorData(), common.metadata(), now);
    }
}
