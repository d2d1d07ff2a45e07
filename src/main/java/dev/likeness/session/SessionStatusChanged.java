package dev.likeness.session;

import dev.likeness.verdict.Status;

import java.util.UUID;

/**
 * A session's status changed (or an API-type session was recorded: {@code from} is null). Fired
 * inside the transaction that made the change, so a transactional outbox can record it atomically.
 */
public record SessionStatusChanged(UUID applicationId, UUID sessionId, Status from, Status to) {
}
