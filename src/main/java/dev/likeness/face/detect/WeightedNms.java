package dev.likeness.face.detect;

import dev.likeness.face.DetectedFace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-maximum suppression that blends rather than drops (MediaPipe's "weighted" NMS): each
 * cluster of candidates overlapping the best remaining one becomes one face whose box and
 * keypoints are the score-weighted mean of the cluster, with the best score. Candidates mostly
 * inside the winner (a face cut off at a tile edge) are absorbed without being blended in.
 */
final class WeightedNms {

    private final float iouThreshold;
    private final float containmentThreshold;

    WeightedNms(float iouThreshold, float containmentThreshold) {
        this.iouThreshold = iouThreshold;
        this.containmentThreshold = containmentThreshold;
    }

    List<DetectedFace> apply(List<DetectedFace> candidates) {
        List<DetectedFace> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(DetectedFace::confidence).reversed());
        List<DetectedFace> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            DetectedFace best = remaining.get(0);
            List<DetectedFace> cluster = new ArrayList<>();
            List<DetectedFace> rest = new ArrayList<>();
            for (DetectedFace c : remaining) {
                float intersection = intersection(best, c);
                float iou = intersection / (best.area() + c.area() - intersection);
                if (c == best || iou > iouThreshold) {
                    cluster.add(c);
                } else if (intersection / Math.min(best.area(), c.area()) <= containmentThreshold) {
                    rest.add(c);
                }
            }
            kept.add(blend(cluster, best.confidence()));
            remaining = rest;
        }
        return kept;
    }

    private static DetectedFace blend(List<DetectedFace> cluster, float confidence) {
        double total = 0;
        double x1 = 0;
        double y1 = 0;
        double x2 = 0;
        double y2 = 0;
        double[] keypoints = new double[cluster.get(0).keypoints().length];
        for (DetectedFace f : cluster) {
            double w = f.confidence();
            total += w;
            x1 += w * f.x1();
            y1 += w * f.y1();
            x2 += w * f.x2();
            y2 += w * f.y2();
            for (int k = 0; k < keypoints.length; k++) {
                keypoints[k] += w * f.keypoints()[k];
            }
        }
        float[] kp = new float[keypoints.length];
        for (int k = 0; k < kp.length; k++) {
            kp[k] = (float) (keypoints[k] / total);
        }
        return new DetectedFace((float) (x1 / total), (float) (y1 / total), (float) (x2 / total), (float) (y2 / total),
                confidence, kp);
    }

    private static float intersection(DetectedFace a, DetectedFace b) {
        float w = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        float h = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        return w <= 0 || h <= 0 ? 0 : w * h;
    }
}
