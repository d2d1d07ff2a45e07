package dev.likeness.session;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v3/session/} body; unknown fields are ignored. */
public record CreateSessionRequest(
        String workflowId,
        String vendorData,
        String callback,
        String callbackMethod,
        JsonNode metadata,
        String language,
        JsonNode contactDetails,
        JsonNode expectedDetails,
        String portraitImage) {
}
