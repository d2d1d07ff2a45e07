package dev.likeness.liveness;

/** The two upstream models the score averages, with the context each one was trained to see. */
enum MiniFasNetVariant {
    /** MiniFASNetV2 on the face box scaled x2.7. */
    V2("2.7_80x80_MiniFASNetV2.pth", 2.7),
    /** MiniFASNetV1SE (squeeze-excitation) on the face box scaled x4.0. */
    V1SE("4_0_0_80x80_MiniFASNetV1SE.pth", 4.0);

    static final int INPUT_SIZE = 80;

    final String fileName;
    final double scale;

    MiniFasNetVariant(String fileName, double scale) {
        this.fileName = fileName;
        this.scale = scale;
    }
}
