package dev.likeness.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.FaceEngine;
import dev.likeness.face.FaceMatcher;
import dev.likeness.face.InferenceSlots;
import dev.likeness.risk.Warning;
import dev.likeness.security.Caller;
import dev.likeness.verdict.FaceMatchJudge;
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

/** {@code POST /v3/face-match/}: 1:1 comparison of two uploaded photos (reference §7.1). */
@Path("/v3/face-match")
@Tag(name = "Standalone APIs")
public class FaceMatchResource {

    public record FaceMatchResult(String status, Double score, ImageFaces userImage, ImageFaces refImage,
                                  List<Warning> warnings) {
    }

    public record FaceMatchResponse(UUID requestId, FaceMatchResult faceMatch, String vendorData, JsonNode metadata,
                                    OffsetDateTime createdAt) {
    }

    private final StandaloneImage images;
    private final FaceEngine engine;
    private final FaceMatcher matcher;
    private final InferenceSlots slots;
    private final ApiRequestRecorder recorder;
    private final Caller caller;
    private final ObjectMapper mapper;

    public FaceMatchResource(StandaloneImage images, FaceEngine engine, FaceMatcher matcher, InferenceSlots slots,
                             ApiRequestRecorder recorder, Caller caller, ObjectMapper mapper) {
        this.images = images;
        this.engine = engine;
        this.matcher = matcher;
        this.slots = slots;
        this.recorder = recorder;
        this.caller = caller;
        this.mapper = mapper;
    }

    @POST
    @Path("/")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compare two faces",
            description = "Approved when the calibrated score (0–100) is strictly above face_match_score_decline_threshold (default 30). "
                    + "No face in either image: 200, Declined, NO_REFERENCE_IMAGE, score null.")
    public FaceMatchResponse match(@RestForm("user_image") FileUpload userImage,
                                   @RestForm("ref_image") FileUpload refImage,
                                   @RestForm("face_match_score_decline_threshold") String threshold,
                                   @BeanParam CommonForm sent) {
        FormFields form = new FormFields();
        double decline = form.threshold("face_match_score_decline_threshold", threshold, 30);
        FormFields.Common common = form.common(sent, mapper);
        StandaloneImage.Upload user = images.read("user_image", userImage, form);
        StandaloneImage.Upload ref = images.read("ref_image", refImage, form);
        form.throwIfInvalid();

        AnalysisOptions options = new AnalysisOptions(common.rotate(), true, true);
        InferenceSlots.Both<FaceAnalysis, FaceAnalysis> analyses = slots.both(
                () -> engine.analyze(user.decoded().image(), options), () -> engine.analyze(ref.decoded().image(), options));
        FaceAnalysis u = analyses.first();
        FaceAnalysis r = analyses.second();
        Double score = u.embedding() != null && r.embedding() != null ? matcher.score(u.embedding(), r.embedding()) : null;
        List<Warning> warnings = FaceMatchJudge.judge(score, decline, decline, null);
        String status = Status.standalone(warnings);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        UUID requestId = UUID.randomUUID();
        if (common.save()) {
            requestId = recorder.faceMatch(caller.applicationId(), status, score, warnings, common.vendorData(), common.metadata(),
                    new ApiRequestRecorder.StoredImage(user.bytes(), user.contentType(), "selfie"),
                    new ApiRequestRecorder.StoredImage(ref.bytes(), ref.contentType(), "reference"), now);
        } else if (score == null) {
            score = 0.0; // Didit answers 0 rather than null when nothing is saved.
        }
        FaceMatchResult result = new FaceMatchResult(status, score, ImageFaces.of(u), ImageFaces.of(r), warnings);
        return new FaceMatchResponse(requestId, result, common.vendorData(), common.metadata(), now);
    }
}
