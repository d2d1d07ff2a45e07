package dev.likeness.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The operator's surface: applications (tenants) and their API keys. */
@Path("/admin/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Operator endpoints, authenticated with the admin bearer token")
public class AdminResource {

    public record CreateApplication(
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "live|sandbox", message = "Must be live or sandbox.") String environment) {
    }

    public record CreateKey(@Size(max = 200) String name) {
    }

    public record KeyView(UUID id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime revokedAt,
                          String apiKey) {
        static KeyView of(ApiKey key, String fullKey) {
            return new KeyView(key.id, key.name, key.displayPrefix, key.createdAt, key.revokedAt, fullKey);
        }
    }

    public record ApplicationView(UUID applicationId, String name, String environment, OffsetDateTime createdAt,
                                  KeyView apiKey) {
        static ApplicationView of(Application app, KeyView key) {
            return new ApplicationView(app.id, app.name, app.environment, app.createdAt, key);
        }
    }

    private final AdminAccess access;
    private final ApplicationRegistry registry;

    public AdminResource(AdminAccess access, ApplicationRegistry registry) {
        this.access = access;
        this.registry = registry;
    }

    @POST
    @Operation(summary = "Create an application", description = "Returns its first API key; the key is shown only here.")
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Valid CreateApplication body) {
        access.check(authorization);
        String environment = body == null || body.environment() == null ? "live" : body.environment();
        var created = registry.create(body == null ? "Application" : body.name(), environment, null);
        return Response.status(201)
                .entity(ApplicationView.of(created.application(), KeyView.of(created.key().record(), created.key().key())))
                .build();
    }

    @GET
    @Operation(summary = "List applications")
    public List<ApplicationView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        access.check(authorization);
        return registry.applications().stream().map(app -> ApplicationView.of(app, null)).toList();
    }

    @POST
    @Path("/{applicationId}/api-keys")
    @Operation(summary = "Issue another API key", description = "The full key is in the answer and never again.")
    public Response issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @PathParam("applicationId") UUID applicationId, @Valid CreateKey body) {
        access.check(authorization);
        var issued = registry.issueKey(applicationId, body == null ? null : body.name());
        return Response.status(201).entity(KeyView.of(issued.record(), issued.key())).build();
    }

    @GET
    @Path("/{applicationId}/api-keys")
    @Operation(summary = "List an application's keys (prefixes only)")
    public List<KeyView> keys(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("applicationId") UUID applicationId) {
        access.check(authorization);
        return registry.keys(applicationId).stream().map(key -> KeyView.of(key, null)).toList();
    }

    @DELETE
    @Path("/{applicationId}/api-keys/{keyId}")
    @Operation(summary = "Revoke a key", description = "Takes effect on the next request.")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("applicationId") UUID applicationId, @PathParam("keyId") UUID keyId) {
        access.check(authorization);
        registry.revokeKey(applicationId, keyId);
        return Response.noContent().build();
    }
}
