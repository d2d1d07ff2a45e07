package dev.likeness.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Didit documents every v3 path with a trailing slash and clients call them that way; the server
 * accepts both forms, and the published document shows the one clients copy.
 */
public class DiditPathStyle implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Paths slashed = OASFactory.createPaths();
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                slashed.addPathItem(path.startsWith("/v3/") && !path.endsWith("/") ? path + "/" : path, item));
        openAPI.setPaths(slashed);
    }
}
