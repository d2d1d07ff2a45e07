package dev.likeness.workflow;

import dev.likeness.common.FieldValidationException;
import dev.likeness.common.Page;
import dev.likeness.common.PageQuery;
import dev.likeness.security.Caller;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** {@code /v3/workflows/}: the recipes sessions run. */
@Path("/v3/workflows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workflows")
public class WorkflowResource {

    public record WorkflowRequest(String workflowLabel, String workflowType,
                                  List<FeatureSettingsParser.FeatureRequest> features, Boolean isDefault) {
    }

    public record WorkflowView(UUID uuid, UUID workflowId, String workflowLabel, String workflowType,
                               int workflowVersion, boolean isDefault, List<FeatureNode> features,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static WorkflowView of(WorkflowCatalog.Published p) {
            Workflow w = p.workflow();
            return new WorkflowView(w.id, w.id, w.label, w.workflowType, p.version(), w.isDefault, p.features(),
                    w.createdAt, w.updatedAt);
        }
    }

    private final WorkflowCatalog catalog;
    private final Caller caller;

    public WorkflowResource(WorkflowCatalog catalog, Caller caller) {
        this.catalog = catalog;
        this.caller = caller;
    }

    @POST
    @Path("/")
    @Operation(summary = "Create a workflow", description = "Types: biometric_authentication, kyc. Features default to every step of the type with the documented settings.")
    @APIResponse(responseCode = "201", description = "The workflow as created (version 1).",
            content = @Content(schema = @Schema(implementation = WorkflowView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response create(WorkflowRequest body) {
        if (body == null || body.workflowType() == null) {
            throw new FieldValidationException("workflow_type", "This field is required.");
        }
        var created = catalog.create(caller.applicationId(), body.workflowLabel(), body.workflowType(),
                body.features(), Boolean.TRUE.equals(body.isDefault()));
        return Response.status(201).entity(WorkflowView.of(created)).build();
    }

    @GET
    @Path("/")
    @Operation(summary = "List workflows")
    @APIResponse(responseCode = "200", description = "A page of the application's workflows.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<WorkflowView> list(@BeanParam PageQuery page, @Context UriInfo uri) {
        Page.Window window = page.window(50, 200);
        UUID app = caller.applicationId();
        List<WorkflowView> rows = catalog.list(app, window).stream()
                .map(w -> WorkflowView.of(catalog.latest(app, w.id))).toList();
        return Page.of(rows, catalog.count(app), window, uri);
    }

    @GET
    @Path("/{workflowId}/")
    @Operation(summary = "Read a workflow at its latest version")
    @APIResponse(responseCode = "200", description = "The workflow at its current version.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WorkflowView get(@PathParam("workflowId") UUID workflowId) {
        return WorkflowView.of(catalog.latest(caller.applicationId(), workflowId));
    }

    @PATCH
    @Path("/{workflowId}/")
    @Operation(summary = "Update a workflow", description = "Changing features publishes a new version; existing sessions keep theirs.")
    @APIResponse(responseCode = "200", description = "The workflow at its new version.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WorkflowView patch(@PathParam("workflowId") UUID workflowId, WorkflowRequest body) {
        WorkflowRequest request = body == null ? new WorkflowRequest(null, null, null, null) : body;
        return WorkflowView.of(catalog.update(caller.applicationId(), workflowId, request.workflowLabel(),
                request.features(), request.isDefault()));
    }

    @PUT
    @Path("/{workflowId}/")
    @Operation(summary = "Update a workflow (same as PATCH)")
    @APIResponse(responseCode = "200", description = "The workflow at its new version.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WorkflowView put(@PathParam("workflowId") UUID workflowId, WorkflowRequest body) {
        return patch(workflowId, body);
    }
}
