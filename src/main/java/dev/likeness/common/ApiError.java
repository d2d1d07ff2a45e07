package dev.likeness.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The contract's error body for auth, not-found, rate-limit and server errors: a human-readable
 * {@code detail} plus, where clients should branch on it, a stable {@code code}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String detail, String code) {

    public static ApiError of(String detail) {
        return new ApiError(detail, null);
    }
}
