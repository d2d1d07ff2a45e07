package dev.likeness.lists;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A list as the API shows it. */
public record ListView(UUID uuid, String name, String description, String listType, String entryType, boolean isSystem,
                       long entryCount, OffsetDateTime lastEntryAddedAt, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {

    static ListView of(EntryList list, long entryCount) {
        return new ListView(list.id, list.name, list.description, list.listType, list.entryType, list.system, entryCount,
                list.lastEntryAddedAt, list.createdAt, list.updatedAt);
    }
}
