package dev.likeness.runtime.image;

/** Rec. 601 luma of a packed RGB pixel, 0–255: the grey level that focus, brightness and grey-input networks read. */
public final class Luma {

    private Luma() {
    }

    public static double of(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    }
}
