package dev.likeness.liveness.active;

import java.util.ArrayList;
import java.util.List;

/** The head angles of a burst performing moves: still, out to the peak and back, for each move. */
final class ChallengeBurst {

    /** One frame's target angles, in degrees (yaw positive to the subject's left, pitch positive up). */
    record Angles(double yaw, double pitch) {
    }

    private ChallengeBurst() {
    }

    static List<Angles> of(List<HeadMove> moves, double peak) {
        List<Angles> frames = new ArrayList<>();
        frames.add(new Angles(0, 0));
        frames.add(new Angles(0, 0));
        for (HeadMove move : moves) {
            double[] ramp = {0.35, 0.7, 1.0, 1.0, 0.6, 0.2};
            for (double f : ramp) {
                double a = f * peak;
                frames.add(switch (move) {
                    case TURN_LEFT -> new Angles(a, 0);
                    case TURN_RIGHT -> new Angles(-a, 0);
                    case LOOK_UP -> new Angles(0, a);
                    case LOOK_DOWN -> new Angles(0, -a);
                });
            }
            frames.add(new Angles(0, 0));
        }
        return frames;
    }
}
