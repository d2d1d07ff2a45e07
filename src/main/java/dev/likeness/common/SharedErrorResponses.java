package dev.likeness.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Documents the error answers an operation can give whatever it does, so resources declare only
 * their own: on {@code /v3/} the key check (401, 403) and the rate limit (429); on the capture API
 * an unknown session token (404); everywhere a server or database failure (500, 503), and for a
 * request body one that cannot be read (400) or is over the size limit (413). The shapes and
 * examples are the components of {@code META-INF/openapi.yaml}; an error the scanner added without
 * a body gets the shared one for its status.
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

    /** Path prefix → the statuses every operation under it can answer. */
    private static final Map<String, List<String>> EVERY_OPERATION = Map.of(
            "/v3/", List.of("401", "403", "429", "500", "503"),
            "/capture/v1/", List.of("404", "500", "503"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> EVERY_OPERATION.forEach((prefix, statuses) -> {
            if (path.startsWith(prefix)) {
                item.getOperations().values().forEach(operation -> document(operation, statuses));
            }
        }));
    }

    private static void document(Operation operation, List<String> statuses) {
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
        statuses.forEach(status -> addIfAbsent(responses, status));
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "400");
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
