package dev.likeness.faceindex;

import dev.likeness.common.VendorDataKey;
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

    /** The form of {@code vendor_data} that ownership is compared by ({@link VendorDataKey}). */
    public static String vendorKey(String vendorData) {
        return VendorDataKey.of(vendorData);
    }

    public boolean ownedBy(String otherVendorKey) {
        return vendorKey != null && vendorKey.equals(otherVendorKey);
    }

    /** A face from an approved verification or saved call, or one imported into a user's profile. */
    public boolean verified() {
        return source == FaceSource.ENROLLED || (approved && (source == FaceSource.LIVENESS || source == FaceSource.STANDALONE));
    }
}
