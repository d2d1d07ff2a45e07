package dev.likeness.risk;

import com.fasterxml.jackson.annotation.JsonValue;

/** How much a warning weighs: information has no effect, warning sends to review, error declines. */
public enum LogType {
    INFORMATION("information"), WARNING("warning"), ERROR("error");

    private final String wire;

    LogType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** A node setting's action (DECLINE / REVIEW / NO_ACTION) as the log type it produces. */
    public static LogType ofAction(String action) {
        return switch (action) {
            case "DECLINE" -> ERROR;
            case "REVIEW" -> WARNING;
            default -> INFORMATION;
        };
    }
}
