package dev.likeness.common;

import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * A failure with a known HTTP status and a contract-shaped body, thrown from anywhere in a request
 * and turned into a response by {@link ApiExceptionMappers}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public ApiException(int status, String detail, String code, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiException(int status, String detail, String code) {
        this(status, detail, code, null);
    }

    public ApiException(int status, String detail) {
        this(status, detail, null, null);
    }

    public static ApiException notFound() {
        return new ApiException(Response.Status.NOT_FOUND.getStatusCode(), "Not found.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public ApiError body() {
        return new ApiError(getMessage(), code);
    }
}
