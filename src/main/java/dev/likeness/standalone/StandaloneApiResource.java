package dev.likeness.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.FaceMatcher;
import dev.likeness.faceindex.FaceScreening;
import dev.likeness.measurement.FaceMeasurer;
import dev.likeness.measurement.PairMeasurement;
import dev.likeness.measurement.SelfieMeasurement;
import dev.likeness.risk.Warning;
import dev.likeness.security.Caller;
import dev.likeness.storedface.StoredFace;
import dev.likeness.verdict.AgeEstimationJudge;
import dev.likeness.verdict.FaceMatchJudge;
import dev.likeness.verdict.LivenessJudge;
import dev.likeness.verdict.LivenessPolicy;
import dev.likeness.verdict.Status;
import dev.likeness.workflow.LivenessMethod;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The standalone biometric APIs: {@code POST /v3/face-match/}, {@code /v3/passive-liveness/}
 * and {@code /v3/age-estimation/}. Each reads its multipart form, has the faces measured, judges the
 * result with Didit's rules and, with {@code save_api_request}, records it as an API-type session.
 */
@Path("/v3")
@Tag(name = "Standalone APIs")
public class StandaloneApiResource {

    /** Records in {@code form} why a face-match picture could not be decoded. */
    private static void rejectInto(FormFields form, String field, PairMeasurement.Side side) {
        if (side.refusal() != null) {
            form.reject(field, side.refusal().getMessage());
        }
    }

    public record FaceMatchResult(Status status, Double score, ImageFaces userImage, ImageFaces refImage,
                                  List<Warning> warnings) {
    }

    public record FaceMatchResponse(UUID requestId, FaceMatchResult faceMatch, String vendorData, JsonNode metadata,
                                    OffsetDateTime createdAt) {
    }

    public record LivenessResult(Status status, LivenessMethod method, Double score, ImageFaces userImage,
                                 List<Warning> warnings, Double faceQuality, Double faceLuminance) {
    }

    public record LivenessResponse(UUID requestId, LivenessResult liveness, String vendorData, JsonNode metadata,
                                   OffsetDateTime createdAt) {
    }

    public record AgeEstimationResult(Status status, LivenessMethod method, Double score, ImageFaces userImage,
                                      Double ageEstimation, List<Warning> warnings) {
    }

    public record AgeEstimationResponse(UUID requestId, AgeEstimationResult ageEstimation, String vendorData,
                                        JsonNode metadata, OffsetDateTime createdAt) {
    }

    private final StandaloneImage images;
    private final FaceMatcher matcher;
    private final FaceMeasurer measurer;
    private final ApiRequestRecorder recorder;
    private final FaceScreening screening;
    private final Caller caller;
    private final ObjectMapper mapper;

    public StandaloneApiResource(StandaloneImage images, FaceMatcher matcher,
                                 FaceMeasurer measurer, ApiRequestRecorder recorder, FaceScreening screening,
                                 Caller caller, ObjectMapper mapper) {
        this.screening = screening;
        this.images = images;
        this.matcher = matcher;
        this.measurer = measurer;
        this.recorder = recorder;
        this.caller = caller;
        this.mapper = mapper;
    }

    @POST
    @Path("/face-match/")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compare two faces",
            description = "Approved when the calibrated score (0–100) is strictly above face_match_score_decline_threshold (default 30). "
                    + "No face in either image: 200, Declined, NO_REFERENCE_IMAGE, score null.")
    @APIResponse(responseCode = "200", description = "The comparison; a face missing from either image is a Declined answer, not an error.",
            content = @Content(schema = @Schema(implementation = FaceMatchResponse.class),
                    examples = @ExampleObject(name = "approved", ref = "FaceMatchApproved")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "ImageServiceUnavailable")
    public FaceMatchResponse match(@RestForm("user_image") FileUpload userImage,
                                   @RestForm("ref_image") FileUpload refImage,
                                   @RestForm("face_match_score_decline_threshold") String threshold,
                                   @BeanParam CommonForm sent) {
        FormFields form = new FormFields();
        double decline = form.threshold("face_match_score_decline_threshold", threshold, 30);
        FormFields.Common common = form.common(sent, mapper);
        // Images are decoded inside the inference slot: requests queued for a slot hold only their
        // compressed bytes, not two decoded rasters each (a 49 MP photo is 196 MB decoded).
        byte[] userBytes = images.bytes("user_image", userImage, form);
        byte[] refBytes = images.bytes("ref_image", refImage, form);
        PairMeasurement pair = measurer.pair(() -> {
            if (form.invalid()) {
                // Every field's problem in one answer; nothing is analysed while any field is wrong.
                images.rejectUndecodable("user_image", userBytes, form);
                images.rejectUndecodable("ref_image", refBytes, form);
                form.throwIfInvalid();
            }
        }, () -> images.decode(userBytes).decoded(), () -> images.decode(refBytes).decoded(), common.rotate());
        rejectInto(form, "user_image", pair.user());
        rejectInto(form, "ref_image", pair.reference());
        form.throwIfInvalid();
        StandaloneImage.Upload user = new StandaloneImage.Upload(userBytes, pair.user().image());
        StandaloneImage.Upload ref = new StandaloneImage.Upload(refBytes, pair.reference().image());
        FaceAnalysis u = pair.user().analysis();
        FaceAnalysis r = pair.reference().analysis();
        Double score = u.embedding() != null && r.embedding() != null ? matcher.score(u.embedding(), r.embedding()) : null;
        List<Warning> warnings = FaceMatchJudge.judge(score, decline, decline, null);
        Status status = Status.standalone(warnings);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        UUID requestId = UUID.randomUUID();
        if (common.save()) {
            requestId = recorder.faceMatch(caller.applicationId(), status, score, warnings, common.vendorData(), common.metadata(),
                    new ApiRequestRecorder.StoredImage(user.bytes(), user.contentType(), "selfie"),
                    new ApiRequestRecorder.StoredImage(ref.bytes(), ref.contentType(), "reference"), now);
        } else if (score == null) {
            score = 0.0; // Didit answers 0 rather than null when nothing is saved.
        }
        FaceMatchResult result = new FaceMatchResult(status, score, ImageFaces.of(u, user.decoded().subsampling()),
                ImageFaces.of(r, ref.decoded().subsampling()), warnings);
        return new FaceMatchResponse(requestId, result, common.vendorData(), common.metadata(), now);
    }

    @POST
    @Path("/passive-liveness/")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Passive liveness of one selfie",
            description = "Declined when the score (0–100) is at or below face_liveness_score_decline_threshold (default 30), "
                    + "or no face is found, or the face is on a face blocklist (FACE_IN_BLOCKLIST, POSSIBLE_FACE_IN_BLOCKLIST). "
                    + "DUPLICATED_FACE / POSSIBLE_DUPLICATED_FACE inform. Faces of the same vendor_data are not compared. "
                    + "503 liveness_model_unavailable when the configured anti-spoof model is not installed.")
    @APIResponse(responseCode = "200", description = "The liveness verdict.",
            content = @Content(schema = @Schema(implementation = LivenessResponse.class),
                    examples = @ExampleObject(name = "approved", ref = "PassiveLivenessApproved")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "ImageServiceUnavailable")
    public LivenessResponse check(@RestForm("user_image") FileUpload userImage,
                                  @RestForm("face_liveness_score_decline_threshold") String threshold,
                                  @BeanParam CommonForm sent) {
        FormFields form = new FormFields();
        double decline = form.threshold("face_liveness_score_decline_threshold", threshold, 30);
        FormFields.Common common = form.common(sent, mapper);
        byte[] bytes = images.bytes("user_image", userImage, form);
        SelfieMeasurement measured = passiveSelfie(bytes, form, common);
        StandaloneImage.Upload user = new StandaloneImage.Upload(bytes, measured.image());
        FaceAnalysis analysis = measured.analysis();
        FaceScreening.Screening screened = screening.standalone(caller.applicationId(), common.vendorData(), analysis.embedding());
        List<Warning> warnings = new ArrayList<>(LivenessJudge.judge(measured.passiveScore(), analysis.quality(),
                analysis.faces().size(), LivenessPolicy.standalone(decline), null));
        warnings.addAll(screened.warnings());
        Status status = Status.standalone(warnings);
        Double quality = analysis.quality() == null ? null : analysis.quality().quality();
        Double luminance = analysis.quality() == null ? null : analysis.quality().luminance();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID requestId = common.save()
                ? recorder.liveness(caller.applicationId(), "PASSIVE_LIVENESS", status, measured.passiveScore(), quality, luminance,
                        null, warnings, common.vendorData(), common.metadata(),
                        new ApiRequestRecorder.StoredImage(user.bytes(), user.contentType(), "selfie"),
                        indexed(analysis, "passive-liveness", screened), now)
                : UUID.randomUUID();
        LivenessResult result = new LivenessResult(status, LivenessMethod.PASSIVE, measured.passiveScore(),
                ImageFaces.of(analysis, user.decoded().subsampling()), warnings,
                quality, luminance);
        return new LivenessResponse(requestId, result, common.vendorData(), common.metadata(), now);
    }

    @POST
    @Path("/age-estimation/")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Estimate age and passive liveness",
            description = "Approved only without warnings: LOW_LIVENESS_SCORE (score ≤ face_liveness_score_decline_threshold, default 30), "
                    + "LIVENESS_FACE_ATTACK, NO_FACE_DETECTED, AGE_NOT_DETECTED, AGE_BELOW_MINIMUM (age < age_estimation_decline_threshold, default 18; 0 disables).")
    @APIResponse(responseCode = "200", description = "The age estimate and liveness verdict.",
            content = @Content(schema = @Schema(implementation = AgeEstimationResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "ImageServiceUnavailable")
    public AgeEstimationResponse estimate(@RestForm("user_image") FileUpload userImage,
                                          @RestForm("face_liveness_score_decline_threshold") String livenessThreshold,
                                          @RestForm("age_estimation_decline_threshold") String ageThreshold,
                                          @BeanParam CommonForm sent) {
        FormFields form = new FormFields();
        double decline = form.threshold("face_liveness_score_decline_threshold", livenessThreshold, 30);
        int minimumAge = form.wholeNumber("age_estimation_decline_threshold", ageThreshold, 18, 0, 150);
        FormFields.Common common = form.common(sent, mapper);
        byte[] bytes = images.bytes("user_image", userImage, form);
        SelfieMeasurement measured = passiveSelfie(bytes, form, common);
        StandaloneImage.Upload user = new StandaloneImage.Upload(bytes, measured.image());
        FaceAnalysis analysis = measured.analysis();
        Double age = analysis.subject().map(s -> s.age()).map(a -> Math.round(a * 100.0) / 100.0).orElse(null);
        List<Warning> warnings = new ArrayList<>(AgeEstimationJudge.judge(measured.passiveScore(), analysis.faces().size(),
                age, decline, minimumAge));
        FaceScreening.Screening screened = screening.standalone(caller.applicationId(), common.vendorData(), analysis.embedding());
        Status status = AgeEstimationJudge.status(warnings);
        warnings.addAll(screened.warnings());
        status = Status.merge(status, Status.standalone(screened.warnings()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID requestId = common.save()
                ? recorder.liveness(caller.applicationId(), "AGE_ESTIMATION", status, measured.passiveScore(), null, null, age,
                        warnings, common.vendorData(), common.metadata(),
                        new ApiRequestRecorder.StoredImage(user.bytes(), user.contentType(), "selfie"),
                        indexed(analysis, "age-estimation", screened), now)
                : UUID.randomUUID();
        AgeEstimationResult result = new AgeEstimationResult(status, LivenessMethod.PASSIVE, measured.passiveScore(),
                ImageFaces.of(analysis, user.decoded().subsampling()),
                age, warnings);
        return new AgeEstimationResponse(requestId, result, common.vendorData(), common.metadata(), now);
    }

    private ApiRequestRecorder.Indexed indexed(FaceAnalysis analysis, String apiService, FaceScreening.Screening screened) {
        return new ApiRequestRecorder.Indexed(analysis.embedding(), matcher.modelVersion(), StoredFace.STANDALONE, apiService,
                screened.matches());
    }

    /**
     * {@code user_image} decoded and measured for passive liveness in one inference slot; 400 for
     * every invalid field of the form first, then 503 when the passive model is not installed.
     */
    private SelfieMeasurement passiveSelfie(byte[] bytes, FormFields form, FormFields.Common common) {
        return measurer.selfie(() -> images.decodedOrRefused("user_image", bytes, form),
                Optional.of(LivenessMethod.PASSIVE), common.rotate());
    }
}
