package dev.likeness.webhook;

import java.time.OffsetDateTime;

/** The outcome of one attempt, as the delivery log records it. */
public record DeliveryAttempt(Long sentTimestamp, boolean success, Integer httpStatus, Integer durationMs,
                              String responseBody, String error, OffsetDateTime startedAt, OffsetDateTime completedAt) {
}
