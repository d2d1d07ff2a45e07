package dev.likeness.liveness.active;

import java.util.Arrays;
import java.util.Optional;

/**
 * A head movement the end user is asked for, named from the user's side: {@code turn_left} turns
 * the face towards the user's own left shoulder, whatever way the page mirrors its preview.
 */
public enum HeadMove {
    TURN_LEFT("turn_left"),
    TURN_RIGHT("turn_right"),
    LOOK_UP("look_up"),
    LOOK_DOWN("look_down");

    private final String wire;

    HeadMove(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<HeadMove> ofWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(value)).findFirst();
    }
}
