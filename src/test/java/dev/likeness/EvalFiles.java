package dev.likeness;

import dev.likeness.evaluation.EvalSet;

/** Named photos from ../shared/eval that the API tests use, read at run time. */
public final class EvalFiles {

    /** Four live camera frames of one person (NUAA subject 0001). */
    public static final String LIVE_A1 = "spoof/real/nuaa_raw_0001__1.jpg";
    public static final String LIVE_A2 = "spoof/real/nuaa_raw_0001__2.jpg";
    public static final String LIVE_A3 = "spoof/real/nuaa_raw_0001__3.jpg";
    /** A live camera frame of someone else (NUAA subject 0004). */
    public static final String LIVE_B1 = "spoof/real/nuaa_raw_0004__1.jpg";
    /** A printed photo of subject 0001 held to the camera. */
    public static final String PRINT_A1 = "spoof/fake/nuaa_raw_0001__1.jpg";
    /** Upstream anti-spoofing samples: a live face, a printed photo, a screen replay (EXIF-rotated phone shots). */
    public static final String SILENTFACE_LIVE = "spoof/real/silentface_sample__1.jpg";
    public static final String SILENTFACE_PRINT = "spoof/fake/silentface_sample__1.jpg";
    public static final String SILENTFACE_SCREEN = "spoof/fake/silentface_sample__2.jpg";
    /** Press photos: two of one man, one of a woman. */
    public static final String POWELL_1 = "faces/colin_powell__1.jpg";
    public static final String POWELL_2 = "faces/colin_powell__2.jpg";
    public static final String PERRY_1 = "faces/katy_perry__1.jpg";
    public static final String CLAPTON_1 = "faces/clapton__1.jpg";

    private EvalFiles() {
    }

    public static byte[] bytes(String path) {
        return EvalSet.bytes(path);
    }
}
