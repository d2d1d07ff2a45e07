package dev.likeness.runtime.image;

/**
 * The part of a frame a face model looks at, inclusive pixel bounds. Reproduces Silent-Face's
 * {@code CropImage._get_new_box} (which faceplugin's age, gender and liveness crops copy): a box is
 * scaled around its centre, the scale is capped so the window fits the frame, and a window
 * sticking out on one side is shifted back inside.
 */
public record CropWindow(int left, int top, int right, int bottom) {

    public int width() {
        return right - left + 1;
    }

    public int height() {
        return bottom - top + 1;
    }

    /** {@code _get_new_box(src_w, src_h, [x, y, boxW, boxH], scale)}, line for line, Python int() truncation. */
    public static CropWindow of(int srcW, int srcH, int x, int y, int boxW, int boxH, double scale) {
        scale = Math.min((srcH - 1) / (double) boxH, Math.min((srcW - 1) / (double) boxW, scale));
        double newWidth = boxW * scale;
        double newHeight = boxH * scale;
        double centerX = boxW / 2.0 + x;
        double centerY = boxH / 2.0 + y;
        double leftTopX = centerX - newWidth / 2;
        double leftTopY = centerY - newHeight / 2;
        double rightBottomX = centerX + newWidth / 2;
        double rightBottomY = centerY + newHeight / 2;
        if (leftTopX < 0) {
            rightBottomX -= leftTopX;
            leftTopX = 0;
        }
        if (leftTopY < 0) {
            rightBottomY -= leftTopY;
            leftTopY = 0;
        }
        if (rightBottomX > srcW - 1) {
            leftTopX -= rightBottomX - srcW + 1;
            rightBottomX = srcW - 1;
        }
        if (rightBottomY > srcH - 1) {
            leftTopY -= rightBottomY - srcH + 1;
            rightBottomY = srcH - 1;
        }
        return new CropWindow((int) leftTopX, (int) leftTopY, (int) rightBottomX, (int) rightBottomY);
    }
}
