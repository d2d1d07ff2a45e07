package dev.likeness.face;

import java.awt.image.BufferedImage;

/** Turns an image clockwise by multiples of 90 degrees, pixel-exact (for {@code rotate_image}). */
final class QuarterTurns {

    private QuarterTurns() {
    }

    static BufferedImage rotate(BufferedImage src, int degrees) {
        int turns = ((degrees / 90) % 4 + 4) % 4;
        if (turns == 0) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = turns % 2 == 1;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                switch (turns) {
                    case 1 -> out.setRGB(h - 1 - y, x, row[x]);
                    case 2 -> out.setRGB(w - 1 - x, h - 1 - y, row[x]);
                    default -> out.setRGB(y, w - 1 - x, row[x]);
                }
            }
        }
        return out;
    }
}
