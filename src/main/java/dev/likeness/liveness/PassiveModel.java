package dev.likeness.liveness;

/** Which anti-spoofing model judges a selfie ({@code likeness.liveness.passive-model}). */
public enum PassiveModel {

    /** faceplugin's fr_liveness, fetched by the build (the default: works out of the box). */
    FR_LIVENESS,
    /** Minivision's MiniFASNet pair, whose weights the operator installs in {@code weights-dir}. */
    MINIFASNET,
    /** The mean of both live probabilities; needs the MiniFASNet weights too. */
    AVERAGE
}
