package dev.likeness.security;

import java.util.UUID;

/**
 * Fired synchronously inside the transaction that creates an application, so other capabilities
 * (the default workflow, for one) can give it what a new tenant needs before anyone can call.
 */
public record ApplicationCreated(UUID applicationId) {
}
