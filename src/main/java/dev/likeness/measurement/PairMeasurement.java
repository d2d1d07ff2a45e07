package dev.likeness.measurement;

import dev.likeness.face.FaceAnalysis;
import dev.likeness.media.DecodedImage;
import dev.likeness.media.InvalidImageException;

/**
 * Both pictures of a 1:1 comparison. A picture that could not be decoded carries its refusal
 * instead, so the caller can report both pictures' problems in one answer.
 */
public record PairMeasurement(Side user, Side reference) {

    /** Decodes one picture of a pair; thread-safe, since the two may be read side by side. */
    @FunctionalInterface
    public interface PictureRead {
        DecodedImage read() throws InvalidImageException;
    }

    /**
     * @param image the decoded picture, or null when it was refused
     * @param analysis its faces, descriptor and age and gender, or null when it was refused
     * @param refusal why it could not be decoded, or null
     */
    public record Side(DecodedImage image, FaceAnalysis analysis, InvalidImageException refusal) {
    }
}
