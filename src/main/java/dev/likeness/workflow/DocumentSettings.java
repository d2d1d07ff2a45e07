package dev.likeness.workflow;

import java.util.List;

/**
 * The ID_VERIFICATION node of a {@code kyc} workflow as this service runs it: one photo of an
 * identity document whose portrait becomes the face-match reference (no OCR, no MRZ).
 */
public record DocumentSettings(Integer documentMaxAttempts, List<StatusRule> statusRules) {

    public DocumentSettings {
        statusRules = StatusRule.readOnly(statusRules);
    }

    public static DocumentSettings defaults() {
        return new DocumentSettings(3, List.of());
    }
}
