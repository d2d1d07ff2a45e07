package dev.likeness.common;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query parameters are filters that reach PostgreSQL, which cannot compare text holding U+0000:
 * such a value is a 400 on its parameter. Media links are left out, as they answer every bad link
 * with the same bare 403.
 */
public class NulFreeQuery {

    @ServerRequestFilter(priority = Priorities.USER)
    public Optional<Response> refuseNul(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/media/")) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (NullCharacterException.present(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(NullCharacterException::present)) {
                String name = parameter.getKey().replace("\0", "");
                return Optional.of(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of(name.isEmpty() ? "non_field_errors" : name, NullCharacterException.MESSAGE)).build());
            }
        }
        return Optional.empty();
    }
}
