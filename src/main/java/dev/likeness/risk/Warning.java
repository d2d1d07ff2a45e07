package dev.likeness.risk;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * A warning entry as Didit shows it. Standalone API warnings carry no
 * {@code node_id}, so the key is left out there rather than sent as null.
 */
public record Warning(
        String feature,
        String risk,
        Map<String, Object> additionalData,
        LogType logType,
        String shortDescription,
        String longDescription,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nodeId) {

    public static Warning of(Risk risk, LogType logType, String nodeId) {
        return new Warning(risk.feature().name(), risk.name(), null, logType, risk.shortDescription(),
                risk.longDescription(), nodeId);
    }

    public static Warning of(Risk risk, LogType logType, String nodeId, Map<String, Object> additionalData) {
        return new Warning(risk.feature().name(), risk.name(), additionalData, logType, risk.shortDescription(),
                risk.longDescription(), nodeId);
    }

    public static Warning standalone(Risk risk, LogType logType) {
        return of(risk, logType, null);
    }
}
