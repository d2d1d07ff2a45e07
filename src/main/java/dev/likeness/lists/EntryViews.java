package dev.likeness.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.likeness.common.StoredJson;
import dev.likeness.media.SignedUrlIssuer;
import dev.likeness.storedface.StoredFace;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Entries for the wire. A face entry's image link is signed when shown, never stored: a stored link
 * would expire while the entry lives on.
 */
@ApplicationScoped
class EntryViews {

    static final String IMAGE_URL = "reference_image_url";

    private final SignedUrlIssuer links;
    private final ObjectMapper mapper;
    private final StoredJson json;

    EntryViews(SignedUrlIssuer links, ObjectMapper mapper, StoredJson json) {
        this.links = links;
        this.mapper = mapper;
        this.json = json;
    }

    EntryView of(ListEntry entry) {
        return of(List.of(entry)).get(0);
    }

    /** One read for the images of the whole page. */
    List<EntryView> of(List<ListEntry> entries) {
        List<UUID> faceIds = entries.stream().map(e -> e.faceId).filter(java.util.Objects::nonNull).toList();
        Map<UUID, UUID> mediaByFace = new HashMap<>();
        if (!faceIds.isEmpty()) {
            StoredFace.<StoredFace>list("id in ?1", faceIds).forEach(f -> {
                if (f.mediaId != null) {
                    mediaByFace.put(f.id, f.mediaId);
                }
            });
        }
        return entries.stream().map(e -> new EntryView(e.id, e.value, e.displayLabel, e.comment, e.addedBy,
                e.referenceSessionId, e.referenceSessionNumber, e.referenceObjectUuid,
                metadata(e, mediaByFace.get(e.faceId)), e.createdAt)).toList();
    }

    private JsonNode metadata(ListEntry entry, UUID mediaId) {
        JsonNode stored = json.tree(entry.metadata);
        if (mediaId == null) {
            return stored;
        }
        ObjectNode shown = stored instanceof ObjectNode object ? object : mapper.createObjectNode();
        shown.put(IMAGE_URL, links.link(mediaId));
        return shown;
    }
}
