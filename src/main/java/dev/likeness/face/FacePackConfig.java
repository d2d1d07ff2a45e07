package dev.likeness.face;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The face recogniser this instance matches with. */
@ConfigMapping(prefix = "likeness.face")
public interface FacePackConfig {

    /**
     * {@code v3} (default): the faceplugin MobileFaceNet, far more accurate; {@code v2}: the dlib
     * ResNet with public-domain weights. Stored faces remember their pack; after a change each is
     * re-described from its stored image the first time it is needed.
     */
    @WithDefault("v3")
    FaceModelPack modelPack();
}
