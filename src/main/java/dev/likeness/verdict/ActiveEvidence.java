package dev.likeness.verdict;

/**
 * What an active-liveness burst showed that its judgement turns on, besides the score.
 *
 * @param faceFound a face in at least half of the frames and in the best one
 * @param attack a flat picture moved around, or another face took over during the burst
 * @param movesDone the moves seen are exactly the moves asked for, in order
 */
public record ActiveEvidence(boolean faceFound, boolean attack, boolean movesDone) {
}
