package dev.likeness.runtime.tfjs;

/**
 * TensorFlow's padding rules for one spatial axis. SAME gives {@code ceil(in / stride)} outputs and
 * puts the odd pixel of padding after (bottom/right), unlike PyTorch's symmetric padding.
 *
 * @param before padding before the first element (top/left)
 * @param after padding after the last element (bottom/right)
 */
record SpatialPadding(int before, int after) {

    static SpatialPadding of(String mode, int in, int kernel, int stride, int dilation, int[] explicit, int axis) {
        int effectiveKernel = (kernel - 1) * dilation + 1;
        return switch (mode) {
            case "VALID" -> new SpatialPadding(0, 0);
            case "SAME" -> {
                int out = (in + stride - 1) / stride;
                int total = Math.max((out - 1) * stride + effectiveKernel - in, 0);
                yield new SpatialPadding(total / 2, total - total / 2);
            }
            case "EXPLICIT" -> new SpatialPadding(explicit[2 * axis], explicit[2 * axis + 1]);
            default -> throw new IllegalArgumentException("unsupported padding " + mode);
        };
    }

    boolean symmetric() {
        return before == after;
    }
}
