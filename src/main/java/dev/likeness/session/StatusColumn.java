package dev.likeness.session;

import dev.likeness.verdict.Status;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Statuses are stored as their wire text ("In Review"), as they always were, not as enum names. */
@Converter(autoApply = true)
public class StatusColumn implements AttributeConverter<Status, String> {

    @Override
    public String convertToDatabaseColumn(Status status) {
        return status == null ? null : status.wire();
    }

    @Override
    public Status convertToEntityAttribute(String wire) {
        return wire == null ? null : Status.ofWire(wire)
                .orElseThrow(() -> new IllegalStateException("unknown stored status \"" + wire + "\""));
    }
}
