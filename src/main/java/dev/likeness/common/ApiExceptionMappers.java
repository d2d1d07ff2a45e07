package dev.likeness.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.likeness.liveness.LivenessModelUnavailableException;
import dev.likeness.runtime.InferenceBusyException;
import io.vertx.ext.web.RoutingContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where failures become HTTP answers in the contract's shapes. Nothing here echoes
 * request bodies, and no stack trace leaves the process: 5xx answers carry only the request id,
 * which is also in the log line.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
    /** A dropped connection is replaced by the pool within a second or two; a restart takes longer. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder builder = json(e.status(), e.body());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response busy(InferenceBusyException e) {
        return api(new ApiException(503, "The service is at capacity; retry shortly.", "inference_busy",
                Map.of("Retry-After", "2")));
    }

    @ServerExceptionMapper
    public Response livenessModelUnavailable(LivenessModelUnavailableException e) {
        return api(new ApiException(503, "Passive liveness is not available: the anti-spoofing model is not installed.",
                "liveness_model_unavailable"));
    }

    @ServerExceptionMapper
    public Response fields(FieldValidationException e) {
        return json(400, e.errors()).build();
    }

    @ServerExceptionMapper
    public Response constraints(ConstraintViolationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.putIfAbsent(fieldName(violation.getPropertyPath()), violation.getMessage());
        }
        return json(400, errors).build();
    }

    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class})
    public Response mismatched(MismatchedInputException e) {
        if (e instanceof NullCharacterException) {
            return json(400, Map.of(requestField(e), NullCharacterException.MESSAGE)).build();
        }
        String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
        if (field != null) {
            return json(400, Map.of(field, "Invalid value.")).build();
        }
        return json(400, ApiError.of("JSON parse error: the body does not have the expected shape.")).build();
    }

    @ServerExceptionMapper
    public Response unparsable(JsonProcessingException e) {
        return json(400, ApiError.of("JSON parse error: the body is not valid JSON.")).build();
    }

    /**
     * Reading the body failed: a multipart body cut short or without its closing boundary, or one
     * the parser cannot follow. The service wraps its own I/O failures, so what arrives here came
     * from the request.
     */
    @ServerExceptionMapper({IOException.class, MultipartParser.MalformedMessageException.class})
    public Response unreadable(Exception e) {
        return json(400, ApiError.of("The request body could not be read: it is cut short or malformed.")).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(404, ApiError.of("Not found.")).build();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, RoutingContext rc) {
        Response.ResponseBuilder builder = json(405,
                ApiError.of("Method \"" + rc.request().method().name() + "\" not allowed."));
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, RoutingContext rc) {
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatched(mismatch);
        }
        if (e.getCause() instanceof JsonProcessingException unparsable) {
            return unparsable(unparsable);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverError(e, rc);
        }
        String reason = Response.Status.fromStatusCode(status) == null
                ? "Request failed." : Response.Status.fromStatusCode(status).getReasonPhrase() + ".";
        return json(status, ApiError.of(reason)).build();
    }

    /** Two requests changed the same session at once; the loser may simply retry. */
    @ServerExceptionMapper({OptimisticLockException.class, org.hibernate.StaleObjectStateException.class})
    public Response conflict(Exception e) {
        return json(409, new ApiError("The resource changed during the request; retry.", "conflict")).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, RoutingContext rc) {
        return serverError(e, rc);
    }

    /**
     * One log line per failed request, so an outage of a minute does not bury the log under a stack
     * trace per call; the trace is still there at DEBUG for this category.
     */
    private Response serverError(Throwable e, RoutingContext rc) {
        String requestId = RequestIds.of(rc);
        if (DatabaseOutage.causedBy(e)) {
            LOG.errorf("request %s failed: database unavailable (%s)", requestId, summary(e));
            LOG.debugf(e, "request %s: database unavailable", requestId);
            return json(503, new ApiError("The database is unavailable; retry in a few seconds. Request id "
                    + requestId + ".", "database_unavailable"))
                    .header("Retry-After", String.valueOf(DATABASE_RETRY_AFTER_SECONDS)).build();
        }
        LOG.errorf("request %s failed with an unexpected error: %s", requestId, summary(e));
        LOG.debugf(e, "request %s: unexpected error", requestId);
        return json(500, new ApiError("A server error occurred. Quote request id " + requestId + ".", "server_error"))
                .build();
    }

    /** The failure and its root cause, each as class and first message line. */
    static String summary(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        String outer = describe(e);
        return root == e ? outer : outer + " <- " + describe(root);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (message == null) {
            return t.getClass().getName();
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return t.getClass().getName() + ": " + (first.length() > 300 ? first.substring(0, 300) + "..." : first);
    }

    private static Response.ResponseBuilder json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }

    /** The top-level field of the body the failure sits in, which is what the client sent by name. */
    private static String requestField(JsonMappingException e) {
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                return reference.getFieldName().replace("\0", "");
            }
        }
        return "non_field_errors";
    }

    private static String fieldName(Path path) {
        String last = null;
        for (Path.Node node : path) {
            if (node.getName() != null) {
                last = node.getName();
            }
        }
        return last == null ? "non_field_errors" : SnakeCase.of(last);
    }
}
