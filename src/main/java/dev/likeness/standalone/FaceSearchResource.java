package dev.likeness.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.FaceMatcher;
import dev.likeness.faceindex.FaceSearch;
import dev.likeness.faceindex.IndexMatch;
import dev.likeness.measurement.FaceMeasurer;
import dev.likeness.measurement.SelfieMeasurement;
import dev.likeness.media.SignedUrlIssuer;
import dev.likeness.risk.LogType;
import dev.likeness.risk.Risk;
import dev.likeness.risk.Warning;
import dev.likeness.security.Caller;
import dev.likeness.storedface.StoredFace;
import dev.likeness.verdict.Status;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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

/** {@code POST /v3/face-search/}: 1:N search of one image against the calling application's face index. */
@Path("/v3")
@Tag(name = "Standalone APIs")
public class FaceSearchResource {

    public record FaceSearchResult(Status status, int totalMatches, List<IndexMatch.View> matches, ImageFaces userImage,
                                   List<Warning> warnings) {
    }

    public record FaceSearchResponse(UUID requestId, FaceSearchResult faceSearch, String vendorData, JsonNode metadata,
                                     OffsetDateTime createdAt) {
    }

    private final StandaloneImage images;
    private final FaceMeasurer measurer;
    private final FaceMatcher matcher;
    private final FaceSearch search;
    private final ApiRequestRecorder recorder;
    private final SignedUrlIssuer links;
    private final Caller caller;
    private final ObjectMapper mapper;

    public FaceSearchResource(StandaloneImage images, FaceMeasurer measurer, FaceMatcher matcher, FaceSearch search,
                              ApiRequestRecorder recorder, SignedUrlIssuer links, Caller caller, ObjectMapper mapper) {
        this.images = images;
        this.measurer = measurer;
        this.matcher = matcher;
        this.search = search;
        this.recorder = recorder;
        this.links = links;
        this.caller = caller;
        this.mapper = mapper;
    }

    @POST
    @Path("/face-search/")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search a face among the application's faces (1:N)",
            description = "search_type most_similar (default: every indexed face) or blocklisted_or_approved (blocklisted, "
                    + "allowlisted, approved-session and imported faces; blocklisted first). Up to 5 matches at or above the "
                    + "application's possible band. Declined only on FACE_IN_BLOCKLIST / POSSIBLE_FACE_IN_BLOCKLIST, or when no "
                    + "face is found. With save_api_request (default true) the call is kept as an API session and its face is "
                    + "indexed, though later searches never match it.")
    @APIResponse(responseCode = "200", description = "The matches found, best first.",
            content = @Content(schema = @Schema(implementation = FaceSearchResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "ImageServiceUnavailable")
    public FaceSearchResponse search(@RestForm("user_image") FileUpload userImage,
                                     @RestForm("search_type") String searchType,
                                     @BeanParam CommonForm sent) {
        FormFields form = new FormFields();
        FaceSearch.SearchType type = searchType == null || searchType.isBlank() ? FaceSearch.SearchType.MOST_SIMILAR
                : FaceSearch.SearchType.of(searchType.trim()).orElse(null);
        if (type == null) {
            form.reject("search_type", "\"" + searchType + "\" is not a valid choice. Use most_similar or blocklisted_or_approved.");
        }
        FormFields.Common common = form.common(sent, mapper);
        byte[] bytes = images.bytes("user_image", userImage, form);
        // Only found and described: no liveness is asked for, so no liveness model runs.
        SelfieMeasurement searched = measurer.selfie(() -> images.decodedOrRefused("user_image", bytes, form),
                Optional.empty(), common.rotate());
        StandaloneImage.Upload user = new StandaloneImage.Upload(bytes, searched.image());
        FaceAnalysis analysis = searched.analysis();
        List<Warning> warnings = new ArrayList<>();
        List<IndexMatch> matches = List.of();
        if (analysis.embedding() == null) {
            warnings.add(Warning.standalone(Risk.NO_FACE_DETECTED, LogType.ERROR));
        } else {
            if (analysis.faces().size() > 1) {
                warnings.add(Warning.standalone(Risk.MULTIPLE_FACES_DETECTED, LogType.WARNING));
            }
            FaceSearch.Result result = search.search(caller.applicationId(), analysis.embedding(), type);
            matches = result.matches();
            warnings.addAll(0, result.warnings());
        }
        Status status = Status.standalone(warnings);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID requestId = common.save()
                ? recorder.liveness(caller.applicationId(), "FACE_SEARCH", status, null, null, null, null, warnings,
                        common.vendorData(), common.metadata(),
                        new ApiRequestRecorder.StoredImage(user.bytes(), user.contentType(), "selfie"),
                        new ApiRequestRecorder.Indexed(analysis.embedding(), matcher.modelVersion(), StoredFace.FACE_SEARCH,
                                "face-search", matches), now)
                : UUID.randomUUID();
        List<IndexMatch.View> views = matches.stream().map(m -> m.view(links)).toList();
        FaceSearchResult result = new FaceSearchResult(status, views.size(), views,
                ImageFaces.of(analysis, user.decoded().subsampling()), warnings);
        return new FaceSearchResponse(requestId, result, common.vendorData(), common.metadata(), now);
    }
}
