package dev.likeness.capture;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A challenge as the capture page receives it: the moves to ask for, in order, and what the frame
 * burst must look like.
 *
 * @param steps wire names of the moves ({@code turn_left}, {@code turn_right}, {@code look_up}, {@code look_down})
 * @param nonce to send back with the frames
 * @param attempt the capture attempt this challenge is for (1-based)
 * @param frames limits of the burst
 */
public record ChallengeView(UUID challengeId, List<String> steps, String nonce, OffsetDateTime expiresAt, int attempt,
                            FrameLimits frames) {

    /** What {@code POST .../challenge/{id}/frames} accepts. */
    public record FrameLimits(int minCount, int maxCount, long maxFrameBytes, long maxTotalBytes, long minDurationMs) {
    }
}
