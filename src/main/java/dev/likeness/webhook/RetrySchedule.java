package dev.likeness.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** When a failed event is tried again, and when it is given up: never before max-age after its first attempt. */
public record RetrySchedule(List<Duration> backoff, Duration maxAge) {

    public RetrySchedule {
        if (backoff.isEmpty()) {
            throw new IllegalArgumentException("likeness.webhooks.retry-backoff needs at least one duration");
        }
        backoff = List.copyOf(backoff);
    }

    /**
     * @param failedAttempts attempts made so far, all failed (1 after the first failure)
     * @return the next attempt time, or empty when the event should be marked failed
     */
    public Optional<OffsetDateTime> next(int failedAttempts, OffsetDateTime firstAttempt, OffsetDateTime now) {
        if (!now.isBefore(firstAttempt.plus(maxAge))) {
            return Optional.empty();
        }
        Duration wait = backoff.get(Math.min(Math.max(failedAttempts, 1), backoff.size()) - 1);
        return Optional.of(now.plus(wait));
    }
}
