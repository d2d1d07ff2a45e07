package dev.likeness.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.likeness.verdict.Status;

import java.util.UUID;

/** A session as create and update answers show it. */
public record SessionView(UUID sessionId, long sessionNumber, String sessionToken, String url, String vendorData,
                          JsonNode metadata, Status status, UUID workflowId, Integer workflowVersion, String callback,
                          String sessionKind) {
}
