package dev.likeness.verdict;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.likeness.risk.LogType;
import dev.likeness.risk.Warning;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A session's or a session item's status. The wire (and database) value is Didit's display text,
 * which is also what {@link #toString()} gives, so messages that name a status read as before.
 */
public enum Status {

    APPROVED("Approved"),
    DECLINED("Declined"),
    IN_REVIEW("In Review"),
    NOT_FINISHED("Not Finished"),
    NOT_STARTED("Not Started"),
    IN_PROGRESS("In Progress"),
    EXPIRED("Expired"),
    ABANDONED("Abandoned"),
    RESUBMITTED("Resubmitted"),
    RESUB_REQUESTED("Resub Requested"),
    KYC_EXPIRED("Kyc Expired"),
    /** Never set by this service; a session listing may still filter on it, as Didit's does. */
    AWAITING_USER("Awaiting User");

    private final String wire;

    Status(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }

    /** The status a wire text names, exactly as spelled. */
    public static Optional<Status> ofWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    /** Workflow items: an error declines, a warning sends to review, information does nothing. */
    public static Status ofWarnings(List<Warning> warnings) {
        if (warnings.stream().anyMatch(w -> w.logType() == LogType.ERROR)) {
            return DECLINED;
        }
        if (warnings.stream().anyMatch(w -> w.logType() == LogType.WARNING)) {
            return IN_REVIEW;
        }
        return APPROVED;
    }

    /** Standalone answers know only Approved and Declined: only errors decline. */
    public static Status standalone(List<Warning> warnings) {
        return warnings.stream().anyMatch(w -> w.logType() == LogType.ERROR) ? DECLINED : APPROVED;
    }

    /** Most severe wins: Declined > In Review > Approved. */
    public static Status merge(Status a, Status b) {
        if (a == DECLINED || b == DECLINED) {
            return DECLINED;
        }
        if (a == IN_REVIEW || b == IN_REVIEW) {
            return IN_REVIEW;
        }
        return APPROVED;
    }
}
