package dev.likeness.face;

/** A detected face with the attributes estimated for it (null when not estimated). */
public record AnalyzedFace(DetectedFace face, Double age, String gender) {
}
