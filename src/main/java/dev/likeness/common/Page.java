package dev.likeness.common;

import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** Didit's limit/offset page: {@code count}, ready-made {@code next}/{@code previous} URLs, {@code results}. */
public record Page<T>(long count, String next, String previous, List<T> results) {

    /**
     * Which rows a list request asked for. Offsets go up to {@link Integer#MAX_VALUE}, so every sum
     * of offset and limit is taken in {@code long}: near the top it would wrap to a negative row.
     */
    public record Window(int limit, int offset) {

        /**
         * Reads the raw {@code limit} and {@code offset} query values. They arrive as text because a
         * typed parameter that does not convert is a 404 in JAX-RS, and this API answers a 400 on the
         * field. A blank value counts as absent.
         */
        public static Window of(String limit, String offset, int defaultLimit, int maxLimit) {
            Long l = whole("limit", limit);
            Long o = whole("offset", offset);
            long chosenLimit = l == null ? defaultLimit : l;
            long chosenOffset = o == null ? 0 : o;
            if (chosenLimit < 1 || chosenLimit > maxLimit) {
                throw new FieldValidationException("limit", "Must be between 1 and " + maxLimit + ".");
            }
            if (chosenOffset < 0) {
                throw new FieldValidationException("offset", "Must be 0 or more.");
            }
            if (chosenOffset > Integer.MAX_VALUE) {
                throw new FieldValidationException("offset", "Ensure this value is less than or equal to " + Integer.MAX_VALUE + ".");
            }
            return new Window((int) chosenLimit, (int) chosenOffset);
        }

        /** One past the last row asked for. */
        public long end() {
            return (long) offset + limit;
        }

        /** The last row asked for, as an inclusive index for Panache's {@code range}. */
        public int last() {
            return (int) Math.min(end() - 1, Integer.MAX_VALUE);
        }

        /** The rows of this window out of a list holding every row. */
        public <T> List<T> of(List<T> all) {
            return all.subList((int) Math.min(offset, all.size()), (int) Math.min(end(), all.size()));
        }

        private static Long whole(String field, String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                return Long.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                throw new FieldValidationException(field, "A valid integer is required.");
            }
        }
    }

    public static <T> Page<T> of(List<T> results, long count, Window window, UriInfo uri) {
        String next = window.end() < count ? link(uri, window.limit(), window.end()) : null;
        String previous = window.offset() > 0 ? link(uri, window.limit(), Math.max(0, window.offset() - window.limit())) : null;
        return new Page<>(count, next, previous, results);
    }

    private static String link(UriInfo uri, int limit, long offset) {
        return uri.getRequestUriBuilder()
                .replaceQueryParam("limit", limit)
                .replaceQueryParam("offset", offset)
                .build().toString();
    }
}
