package dev.likeness.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Arrays;

/**
 * How a LIVENESS step proves a live person: one selfie scored for spoofing ({@code PASSIVE}), or a
 * head-move challenge ({@code ACTIVE_3D}). {@code FLASHING} is Didit's third method, accepted by
 * name and refused by validation. The constant names are the wire and database values.
 */
public enum LivenessMethod {

    PASSIVE,
    ACTIVE_3D,
    FLASHING;

    /**
     * An unknown name reads as null rather than failing, so workflow validation can answer with the
     * list of methods, as it did when the setting was plain text.
     */
    @JsonCreator
    public static LivenessMethod ofWire(String wire) {
        return Arrays.stream(values()).filter(m -> m.name().equals(wire)).findFirst().orElse(null);
    }
}
