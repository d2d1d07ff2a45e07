package dev.likeness.risk;

/**
 * The risk codes this service raises, with the feature they belong to and the texts that go in a
 * warning's {@code short_description} and {@code long_description}.
 */
public enum Risk {
    NO_FACE_DETECTED(Feature.LIVENESS, "No face detected",
            "No face could be found in the image, so the check could not run."),
    LIVENESS_FACE_ATTACK(Feature.LIVENESS, "Presentation attack detected",
            "The capture looks like a presentation attack (a printed photo, a screen or a mask) rather than a live person."),
    LOW_LIVENESS_SCORE(Feature.LIVENESS, "Low liveness score",
            "The liveness score is at or below the configured threshold."),
    LOW_FACE_QUALITY(Feature.LIVENESS, "Low face quality",
            "The face is too small, blurred, turned away or badly exposed for a reliable check."),
    LOW_FACE_LUMINANCE(Feature.LIVENESS, "Face too dark",
            "The face region is darker than the configured minimum luminance."),
    HIGH_FACE_LUMINANCE(Feature.LIVENESS, "Face too bright",
            "The face region is brighter than the configured maximum luminance."),
    MULTIPLE_FACES_DETECTED(Feature.LIVENESS, "Multiple faces detected",
            "More than one face is in the image; the largest one was checked."),
    AGE_NOT_DETECTED(Feature.LIVENESS, "Age not detected",
            "No age could be estimated because no face was found."),
    AGE_BELOW_MINIMUM(Feature.LIVENESS, "Age below minimum",
            "The estimated age is below the configured minimum age."),
    FACE_IN_BLOCKLIST(Feature.LIVENESS, "Face in blocklist",
            "The system identified a face in the blocklist, which means the face is not allowed to be verified."),
    POSSIBLE_FACE_IN_BLOCKLIST(Feature.LIVENESS, "Possible face in blocklist",
            "The face is similar to a face in the blocklist, though not similar enough to be sure it is the same person."),
    DUPLICATED_FACE(Feature.LIVENESS, "Duplicated face",
            "The face matches a face already verified under another vendor_data in this application."),
    POSSIBLE_DUPLICATED_FACE(Feature.LIVENESS, "Possible duplicated face",
            "The face is similar to a face already verified under another vendor_data in this application."),
    USER_BLOCKED(Feature.LIVENESS, "User blocked",
            "The vendor_data of this session belongs to a blocked user or is on the user blocklist, so the session is declined."),
    USER_FLAGGED(Feature.LIVENESS, "User flagged",
            "The vendor_data of this session belongs to a flagged user, so the session needs a review."),
    NO_REFERENCE_IMAGE(Feature.FACEMATCH, "No reference image",
            "A face was missing from the reference or the target image, so no similarity could be computed."),
    FACE_MATCH_NOT_COMPUTED(Feature.FACEMATCH, "Face match not computed",
            "The reference face exists but no face was found in the captured image, so no similarity could be computed."),
    LOW_FACE_MATCH_SIMILARITY(Feature.FACEMATCH, "Low face match similarity",
            "The similarity between the two faces is at or below the configured threshold."),
    FACE_MATCH_MAX_ATTEMPTS_EXCEEDED(Feature.FACEMATCH, "Face match attempts exhausted",
            "The user used every allowed capture attempt without a passing face match."),
    PORTRAIT_IMAGE_NOT_DETECTED(Feature.ID_VERIFICATION, "No portrait on the document",
            "No face could be found on the identity document photo, so it cannot serve as the face-match reference.");

    /** The {@code feature} value of a warning. */
    public enum Feature {
        LIVENESS, FACEMATCH, ID_VERIFICATION
    }

    private final Feature feature;
    private final String shortDescription;
    private final String longDescription;

    Risk(Feature feature, String shortDescription, String longDescription) {
        this.feature = feature;
        this.shortDescription = shortDescription;
        this.longDescription = longDescription;
    }

    public Feature feature() {
        return feature;
    }

    public String shortDescription() {
        return shortDescription;
    }

    public String longDescription() {
        return longDescription;
    }
}
