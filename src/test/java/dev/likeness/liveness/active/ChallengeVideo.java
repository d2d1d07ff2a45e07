package dev.likeness.liveness.active;

import dev.likeness.face.landmarks.FaceMesh;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake-camera clip of a challenge, for the browser test: the rendered head (or the flat photo
 * moved the same way) looking straight for {@link #LEAD_SECONDS}, doing each move out and back in
 * {@link #MOVE_SECONDS}, then resting frontal until the clip ends. Chromium loops the clip from the
 * moment the camera opens, so a recording that starts within the lead sees the moves once, in order.
 */
public final class ChallengeVideo {

    public static final double LEAD_SECONDS = 1.0;
    public static final double MOVE_SECONDS = 1.2;
    public static final double LENGTH_SECONDS = 8.0;

    private ChallengeVideo() {
    }

    /** The head doing {@code moves}, one image per frame at {@code fps}. */
    public static List<BufferedImage> head(BufferedImage photo, FaceMesh mesh, List<HeadMove> moves, int fps) {
        HeadRenderer head = new HeadRenderer(photo, mesh);
        return frames(moves, fps, (a, t) -> head.render(a.yaw(), a.pitch()));
    }

    /** The photo as a print, tilted, slid, brought closer and rolled through the same poses. */
    public static List<BufferedImage> flat(BufferedImage photo, List<HeadMove> moves, int fps) {
        FlatPictureMotion sheet = new FlatPictureMotion(photo, false);
        return frames(moves, fps, (a, t) -> sheet.render(-a.yaw() * 1.4, a.pitch() * 1.4, 3 * Math.sin(3 * t),
                0.85 + 0.1 * Math.min(1, t / LENGTH_SECONDS * 2), a.yaw() * 1.5, -a.pitch() * 1.5));
    }

    private interface Renderer {
        BufferedImage render(ChallengeBurst.Angles angles, double seconds);
    }

    private static List<BufferedImage> frames(List<HeadMove> moves, int fps, Renderer renderer) {
        int count = (int) Math.round(LENGTH_SECONDS * fps);
        double end = LEAD_SECONDS + moves.size() * MOVE_SECONDS;
        List<BufferedImage> frames = new ArrayList<>(count);
        BufferedImage frontal = null;
        for (int i = 0; i < count; i++) {
            double t = i / (double) fps;
            if (t < LEAD_SECONDS || t >= end) {
                // identical still frames: render once (the flat sheet's slow drift stops while it rests)
                if (frontal == null) {
                    frontal = renderer.render(new ChallengeBurst.Angles(0, 0), 0);
                }
                frames.add(frontal);
                continue;
            }
            int move = (int) ((t - LEAD_SECONDS) / MOVE_SECONDS);
            double phase = (t - LEAD_SECONDS - move * MOVE_SECONDS) / MOVE_SECONDS;
            // out in 40 % of the move, hold 20 %, back in 40 %
            double f = phase < 0.4 ? phase / 0.4 : phase < 0.6 ? 1 : (1 - phase) / 0.4;
            double a = f * ChallengeFrames.PEAK_DEGREES;
            ChallengeBurst.Angles angles = switch (moves.get(move)) {
                case TURN_LEFT -> new ChallengeBurst.Angles(a, 0);
                case TURN_RIGHT -> new ChallengeBurst.Angles(-a, 0);
                case LOOK_UP -> new ChallengeBurst.Angles(0, a);
                case LOOK_DOWN -> new ChallengeBurst.Angles(0, -a);
            };
            frames.add(renderer.render(angles, t));
        }
        return frames;
    }
}
