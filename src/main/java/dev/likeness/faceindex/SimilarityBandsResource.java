package dev.likeness.faceindex;

import dev.likeness.common.ApiException;
import dev.likeness.common.FieldValidationException;
import dev.likeness.security.AdminAccess;
import dev.likeness.security.Application;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The operator sets an application's duplicate and blocklist similarity bands (null restores the defaults). */
@Path("/admin/applications/{applicationId}/similarity-bands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class SimilarityBandsResource {

    /** Inclusive lower edges on the calibrated 0–100 scale; null means the configured default. */
    public record BandsBody(Double possible, Double high) {
    }

    private final AdminAccess access;
    private final SimilarityBands bands;

    public SimilarityBandsResource(AdminAccess access, SimilarityBands bands) {
        this.access = access;
        this.bands = bands;
    }

    @GET
    @Operation(summary = "The similarity bands in force for an application")
    public SimilarityBands.Bands get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @PathParam("applicationId") UUID applicationId) {
        access.check(authorization);
        application(applicationId);
        return bands.of(applicationId);
    }

    @PUT
    @Transactional
    @Operation(summary = "Set an application's similarity bands",
            description = "possible: floor of face search and of POSSIBLE_* warnings; high: FACE_IN_BLOCKLIST and DUPLICATED_FACE. "
                    + "Both 0–100, possible ≤ high; null restores the configured default. Takes effect on the next search.")
    public SimilarityBands.Bands put(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @PathParam("applicationId") UUID applicationId, BandsBody body) {
        access.check(authorization);
        Application application = application(applicationId);
        Double possible = body == null ? null : body.possible();
        Double high = body == null ? null : body.high();
        Map<String, String> errors = new LinkedHashMap<>();
        range(errors, "possible", possible);
        range(errors, "high", high);
        if (errors.isEmpty() && possible != null && high != null && possible > high) {
            errors.put("possible", "Must not be above high.");
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        application.facePossibleThreshold = possible == null ? null : BigDecimal.valueOf(possible);
        application.faceHighThreshold = high == null ? null : BigDecimal.valueOf(high);
        return bands.of(applicationId);
    }

    private static Application application(UUID applicationId) {
        Application application = Application.findById(applicationId);
        if (application == null) {
            throw ApiException.notFound();
        }
        return application;
    }

    private static void range(Map<String, String> errors, String field, Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 100)) {
            errors.put(field, "Must be between 0 and 100.");
        }
    }
}
