package dev.likeness.lists;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code likeness.lists.*}: limits of the Lists API. */
@ConfigMapping(prefix = "likeness.lists")
public interface ListsConfig {

    /** {@code likeness.lists.face-upload-max-bytes}: largest decoded face-upload image. Default 2 MB (2,097,152 bytes), Didit's limit. */
    @WithDefault("2097152")
    long faceUploadMaxBytes();
}
