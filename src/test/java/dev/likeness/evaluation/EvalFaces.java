package dev.likeness.evaluation;

import ai.djl.modality.cv.Image;
import dev.likeness.face.DetectedFace;
import java.util.Optional;

/**
 * Where the evaluation tests get a photo's face from. Today: a detector dump made outside the
 * build ({@link FaceApiDump}); once the service's own detector exists it can stand here instead.
 */
public interface EvalFaces {

    /**
     * @param evalPath path relative to the eval directory, e.g. {@code faces/bbt_amy__1.png}
     * @param image the photo as {@link EvalPhotoReader} reads it
     * @return the main face, in that image's pixel coordinates, if one was found
     */
    Optional<DetectedFace> mainFace(String evalPath, Image image);
}
