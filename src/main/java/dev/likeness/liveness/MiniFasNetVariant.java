package dev.likeness.liveness;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two upstream models the score averages, with the context each one was trained to see and the
 * sha256 of the published file (commit b6d5f04 of Silent-Face-Anti-Spoofing).
 */
enum MiniFasNetVariant {
    /** MiniFASNetV2 on the face box scaled x2.7. */
    V2("2.7_80x80_MiniFASNetV2.pth", 2.7, "a5eb02e1843f19b5386b953cc4c9f011c3f985d0ee2bb9819eea9a142099bec0"),
    /** MiniFASNetV1SE (squeeze-excitation) on the face box scaled x4.0. */
    V1SE("4_0_0_80x80_MiniFASNetV1SE.pth", 4.0, "84ee1d37d96894d5e82de5a57df044ef80a58be2b218b5ed7cdfd875ec2f5990");

    static final int INPUT_SIZE = 80;

    final String fileName;
    final double scale;
    final String sha256;

    MiniFasNetVariant(String fileName, double scale, String sha256) {
        this.fileName = fileName;
        this.scale = scale;
        this.sha256 = sha256;
    }

    /** The published files' digests by file name. */
    static Map<String, String> publishedDigests() {
        return Arrays.stream(values()).collect(Collectors.toMap(v -> v.fileName, v -> v.sha256));
    }
}
