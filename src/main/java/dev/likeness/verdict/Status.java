package dev.likeness.verdict;

import dev.likeness.risk.LogType;
import dev.likeness.risk.Warning;

import java.util.List;

/** Status strings exactly as the wire carries them, and how warnings decide between them. */
public final class Status {

    public static final String APPROVED = "Approved";
    public static final String DECLINED = "Declined";
    public static final String IN_REVIEW = "In Review";
    public static final String NOT_FINISHED = "Not Finished";
    public static final String NOT_STARTED = "Not Started";
    public static final String IN_PROGRESS = "In Progress";
    public static final String EXPIRED = "Expired";
    public static final String ABANDONED = "Abandoned";
    public static final String RESUBMITTED = "Resubmitted";
    public static final String RESUB_REQUESTED = "Resub Requested";
    public static final String KYC_EXPIRED = "Kyc Expired";

    private Status() {
    }

    /** Workflow items: an error declines, a warning sends to review, information does nothing. */
    public static String ofWarnings(List<Warning> warnings) {
        if (warnings.stream().anyMatch(w -> w.logType() == LogType.ERROR)) {
            return DECLINED;
        }
        if (warnings.stream().anyMatch(w -> w.logType() == LogType.WARNING)) {
            return IN_REVIEW;
        }
        return APPROVED;
    }

    /** Standalone answers know only Approved and Declined: only errors decline. */
    public static String standalone(List<Warning> warnings) {
        return warnings.stream().anyMatch(w -> w.logType() == LogType.ERROR) ? DECLINED : APPROVED;
    }

    /** Most severe wins: Declined > In Review > Approved. */
    public static String merge(String a, String b) {
        if (DECLINED.equals(a) || DECLINED.equals(b)) {
            return DECLINED;
        }
        if (IN_REVIEW.equals(a) || IN_REVIEW.equals(b)) {
            return IN_REVIEW;
        }
        return APPROVED;
    }
}
