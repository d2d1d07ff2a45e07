package dev.likeness.security;

import dev.likeness.common.ApiError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Every {@code /v3/...} call needs {@code x-api-key}. Answers as Didit does: no key is a 403 with
 * DRF's permission text, a wrong or revoked key is a 401.
 */
public class ApiKeyFilter {

    public static final String HEADER = "x-api-key";
    static final String NO_KEY = "You do not have permission to perform this action.";
    static final String BAD_KEY = "Invalid API key.";

    private final ApiKeyAuthenticator authenticator;
    private final Caller caller;

    public ApiKeyFilter(ApiKeyAuthenticator authenticator, Caller caller) {
        this.authenticator = authenticator;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        if (!isApiPath(request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null || presented.isBlank()) {
            return Optional.of(reject(403, NO_KEY));
        }
        return authenticator.authenticate(presented.trim())
                .map(found -> {
                    caller.authenticate(found.key(), found.application().environment);
                    return Optional.<Response>empty();
                })
                .orElseGet(() -> Optional.of(reject(401, BAD_KEY)));
    }

    static boolean isApiPath(String path) {
        return path.startsWith("/v3/") || path.equals("/v3");
    }

    private static Response reject(int status, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(detail)).build();
    }
}
