package dev.likeness.common;

import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** Didit's limit/offset page: {@code count}, ready-made {@code next}/{@code previous} URLs, {@code results}. */
public record Page<T>(long count, String next, String previous, List<T> results) {

    public static <T> Page<T> of(List<T> results, long count, int limit, int offset, UriInfo uri) {
        String next = offset + limit < count ? link(uri, limit, offset + limit) : null;
        String previous = offset > 0 ? link(uri, limit, Math.max(0, offset - limit)) : null;
        return new Page<>(count, next, previous, results);
    }

    private static String link(UriInfo uri, int limit, int offset) {
        return uri.getRequestUriBuilder()
                .replaceQueryParam("limit", limit)
                .replaceQueryParam("offset", offset)
                .build().toString();
    }

    /** Validates limit/offset query values the way list endpoints share. */
    public static int[] bounds(Integer limit, Integer offset, int defaultLimit, int maxLimit) {
        int l = limit == null ? defaultLimit : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > maxLimit) {
            throw new FieldValidationException("limit", "Must be between 1 and " + maxLimit + ".");
        }
        if (o < 0) {
            throw new FieldValidationException("offset", "Must be 0 or more.");
        }
        return new int[] {l, o};
    }
}
