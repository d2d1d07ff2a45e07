package dev.likeness.face.detect;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.evaluation.EvalPhotoReader;
import dev.likeness.evaluation.EvalSet;

import java.nio.file.Path;
import java.util.List;

/** The shared evaluation face photos as DJL images (never committed; read from likeness.shared.dir at run time). */
public final class EvalPhotos {

    private EvalPhotos() {
    }

    public static Path sharedDir() {
        return EvalPhotoReader.sharedDir();
    }

    public static Path modelsDir() {
        return EvalPhotoReader.modelsDir();
    }

    public static List<Path> faces() {
        return EvalSet.photos().stream().filter(p -> p.path().startsWith("faces/")).map(EvalSet.Photo::file).toList();
    }

    /** Decoded as the service decodes uploads (EXIF orientation applied). */
    public static Image load(Path file) {
        return ImageFactory.getInstance().fromImage(EvalPhotoReader.read(file));
    }
}
