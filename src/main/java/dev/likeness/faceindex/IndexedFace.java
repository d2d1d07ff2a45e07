package dev.likeness.faceindex;

import java.util.UUID;

/**
 * What the index keeps beside a face's descriptor: enough to decide whether the face is a candidate
 * for a given search without touching the database. Details for the answer are read for the few hits.
 *
 * @param vendorKey the owner's {@code vendor_data}, trimmed and lower-cased (null without one)
 * @param source the face_template source ({@link FaceSource})
 * @param approved the face's session is Approved (or the face was enrolled explicitly)
 */
public record IndexedFace(UUID id, String vendorKey, FaceSource source, boolean approved, boolean blocklisted,
                          boolean allowlisted) {

    /**
     * The form of {@code vendor_data} that ownership is compared by, so {@code USER-1} and {@code user-1}
     * are one user: the same rule as app_user.vendor_data_key (ASCII whitespace trimmed, lower case).
     */
    public static String vendorKey(String vendorData) {
        if (vendorData == null) {
            return null;
        }
        int start = 0;
        int end = vendorData.length();
        while (start < end && TRIMMED.indexOf(vendorData.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRIMMED.indexOf(vendorData.charAt(end - 1)) >= 0) {
            end--;
        }
        return start == end ? null : vendorData.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }

    private static final String TRIMMED = " \t\n\r\f\u000B";

    public boolean ownedBy(String otherVendorKey) {
        return vendorKey != null && vendorKey.equals(otherVendorKey);
    }

    /** A face from an approved verification or saved call, or one imported into a user's profile. */
    public boolean verified() {
        return source == FaceSource.ENROLLED || (approved && (source == FaceSource.LIVENESS || source == FaceSource.STANDALONE));
    }
}
