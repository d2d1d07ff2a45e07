package dev.likeness.liveness.active;

import dev.likeness.face.landmarks.FaceMesh;
import dev.likeness.runtime.image.LaplacianVariance;
import dev.likeness.runtime.image.Luma;

import java.awt.image.BufferedImage;

/** Variance of the Laplacian of the luma over the mesh's bounding box: higher is sharper. */
final class FaceSharpness {

    private FaceSharpness() {
    }

    static double of(BufferedImage image, FaceMesh mesh) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < FaceMesh.COUNT; i++) {
            minX = Math.min(minX, mesh.x(i));
            maxX = Math.max(maxX, mesh.x(i));
            minY = Math.min(minY, mesh.y(i));
            maxY = Math.max(maxY, mesh.y(i));
        }
        int x0 = Math.max(1, (int) minX), x1 = Math.min(image.getWidth() - 2, (int) maxX);
        int y0 = Math.max(1, (int) minY), y1 = Math.min(image.getHeight() - 2, (int) maxY);
        // a fixed budget of samples whatever the face size
        int step = Math.max(1, (int) Math.sqrt((double) (x1 - x0) * (y1 - y0) / 20000.0));
        double variance = LaplacianVariance.of((x, y) -> Luma.of(image.getRGB(x, y)), x0, y0, x1, y1, step);
        return Double.isNaN(variance) ? 0 : variance;
    }
}
