package dev.likeness.webhook;

import java.util.List;

/** The event types a destination can subscribe to; subscriptions are explicit, no wildcard. */
public final class WebhookEventTypes {

    /** A session's status changed, including the first Not Started → In Progress. */
    public static final String STATUS_UPDATED = "status.updated";
    /** A reviewer edited a session's data afterwards. Nothing in this service raises it yet. */
    public static final String DATA_UPDATED = "data.updated";

    /** A user's status changed (users API); flat body with {@code status} and {@code previous_status}. */
    public static final String USER_STATUS_UPDATED = "user.status.updated";
    /** A user was created or its profile edited; flat body with {@code changed_fields} and {@code changes}. */
    public static final String USER_DATA_UPDATED = "user.data.updated";

    public static final List<String> ALL = List.of(STATUS_UPDATED, DATA_UPDATED, USER_STATUS_UPDATED, USER_DATA_UPDATED);
    /** What the app-level webhook_url receives: session events, as before users existed. */
    public static final List<String> SESSION = List.of(STATUS_UPDATED, DATA_UPDATED);

    public static final List<String> VERSIONS = List.of("v1", "v2", "v3");
    public static final String DEFAULT_VERSION = "v3";

    private WebhookEventTypes() {
    }
}
