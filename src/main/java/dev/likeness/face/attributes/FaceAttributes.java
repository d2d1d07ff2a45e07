package dev.likeness.face.attributes;

/**
 * What HSE FaceRes infers from one face.
 *
 * @param age estimated age in years (one decimal)
 * @param gender {@code "male"} or {@code "female"}
 * @param genderConfidence 0–0.99, {@code 2 * |p - 0.5|} of the gender sigmoid as @vladmandic/human reports it
 * @param descriptor the 1024-d global-pooling embedding (non-negative; compare with cosine similarity)
 */
public record FaceAttributes(float age, String gender, float genderConfidence, float[] descriptor) {
}
