package dev.likeness.webhook;

import java.util.List;

/** The event types a destination can subscribe to (reference §6.1); subscriptions are explicit, no wildcard. */
public final class WebhookEventTypes {

    /** A session's status changed, including the first Not Started → In Progress. */
    public static final String STATUS_UPDATED = "status.updated";
    /** A reviewer edited a session's data afterwards. Nothing in this service raises it yet. */
    public static final String DATA_UPDATED = "data.updated";

    public static final List<String> ALL = List.of(STATUS_UPDATED, DATA_UPDATED);

    public static final List<String> VERSIONS = List.of("v1", "v2", "v3");
    public static final String DEFAULT_VERSION = "v3";

    private WebhookEventTypes() {
    }
}
