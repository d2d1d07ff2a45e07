package dev.likeness.liveness;

import dev.likeness.face.DetectedFace;

/**
 * The part of the frame a MiniFASNet model looks at, inclusive pixel bounds. Reproduces upstream's
 * {@code CropImage._get_new_box}: the detector box (as upstream's detector hands it over:
 * truncated {@code [x, y, w + 1, h + 1]}) is scaled around its centre, the scale is capped so the
 * window fits the frame, and a window sticking out on one side is shifted back inside.
 */
record CropWindow(int left, int top, int right, int bottom) {

    int width() {
        return right - left + 1;
    }

    int height() {
        return bottom - top + 1;
    }

    static CropWindow around(DetectedFace face, double scale, int frameWidth, int frameHeight) {
        int x = (int) face.x1();
        int y = (int) face.y1();
        int w = Math.max(1, (int) (face.x2() - face.x1() + 1));
        int h = Math.max(1, (int) (face.y2() - face.y1() + 1));
        return of(frameWidth, frameHeight, x, y, w, h, scale);
    }

    /** {@code _get_new_box(src_w, src_h, [x, y, boxW, boxH], scale)}, line for line, Python int() truncation. */
    static CropWindow of(int srcW, int srcH, int x, int y, int boxW, int boxH, double scale) {
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
