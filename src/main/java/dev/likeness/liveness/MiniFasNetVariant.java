package dev.likeness.liveness;

/** The two upstream models the score averages, with the context each one was trained to see. */
enum MiniFasNetVariant {
    /** MiniFASNetV2 on the face box scaled x2.7. */
    V2("MiniFASNetV2_2.7.npz", 2.7),
    /** MiniFASNetV1SE (squeeze-excitation) on the face box scaled x4.0. */
    V1SE("MiniFASNetV1SE_4.0.npz", 4.0);

    static final int INPUT_SIZE = 80;

    final String fileName;
    final double scale;

    MiniFasNetVariant(String fileName, double scale) {
        this.fileName = fileName;
        this.scale = scale;
    }
}
