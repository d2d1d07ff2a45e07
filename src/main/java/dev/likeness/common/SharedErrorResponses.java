package dev.likeness.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Documents the error answers every {@code /v3/} operation can give whatever it does, so resources
 * declare only their own: the key check (401, 403), the rate limit (429), a body over the size
 * limit (413), a server or database failure (500, 503). The shapes and examples are the components
 * of {@code META-INF/openapi.yaml}; an error the scanner added without a body gets the shared one
 * for its status.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SharedErrorResponses implements OASFilter {

    /** Status → component under {@code #/components/responses/}. */
    static final Map<String, String> SHARED = Map.of(
            "400", "BadRequest",
            "401", "Unauthorized",
            "403", "Forbidden",
            "404", "NotFound",
            "413", "PayloadTooLarge",
            "429", "RateLimited",
            "500", "ServerError",
            "503", "ServiceUnavailable");

    private static final String[] EVERY_OPERATION = {"401", "403", "429", "500", "503"};

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v3/")) {
                item.getOperations().values().forEach(SharedErrorResponses::document);
            }
        });
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (SHARED.containsKey(status) && response.getRef() == null && response.getContent() == null) {
                    responses.addAPIResponse(status, shared(status));
                }
            });
        }
        for (String status : EVERY_OPERATION) {
            addIfAbsent(responses, status);
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "413");
        }
    }

    private static void addIfAbsent(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, shared(status));
        }
    }

    private static APIResponse shared(String status) {
        return OASFactory.createAPIResponse().ref(SHARED.get(status));
    }
}
