package dev.likeness.lists;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A list entry as the API shows it. */
public record EntryView(UUID uuid, String value, String displayLabel, String comment, String addedBy,
                        UUID referenceSessionId, Long referenceSessionNumber, UUID referenceObjectUuid, JsonNode metadata,
                        OffsetDateTime createdAt) {
}
