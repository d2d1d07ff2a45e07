package dev.likeness.liveness.active;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.face.AnalysisOptions;
import dev.likeness.face.DetectedFace;
import dev.likeness.face.FaceAnalysis;
import dev.likeness.face.FaceEngine;
import dev.likeness.face.FaceMatcher;
import dev.likeness.face.FaceModels;
import dev.likeness.face.landmarks.FaceMesh;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Judges a burst of camera frames taken while the user performed a head-move challenge: tracks
 * the face with FaceMesh (detected once, then followed frame to frame), reads the head pose of
 * every frame, checks the moves and their order, tests whether the landmark motion is that of a
 * 3D head or of a flat picture, and compares the face across frames. Stateless: safe for
 * concurrent calls.
 */
@ApplicationScoped
public class ActiveLivenessAnalyzer {

    /** The turned frames compared with the best frame for identity. */
    private static final int IDENTITY_FRAMES = 2;
    /** The most deformed frames whose homography residual decides flatness. */
    private static final int EVIDENCE_FRAMES = 3;

    private final FaceModels models;
    private final FaceEngine engine;
    private final FaceMatcher matcher;

    public ActiveLivenessAnalyzer(FaceModels models, FaceEngine engine, FaceMatcher matcher) {
        this.models = models;
        this.engine = engine;
        this.matcher = matcher;
    }

    public ActiveFindings analyze(List<BufferedImage> images, List<HeadMove> challenge) {
        List<FaceMesh> meshes = track(images);
        int first = -1;
        for (int i = 0; i < meshes.size() && first < 0; i++) {
            if (meshes.get(i) != null) {
                first = i;
            }
        }
        if (first < 0) {
            List<TrackedFrame> none = meshes.stream().map(m -> new TrackedFrame(null, null, null)).toList();
            return new ActiveFindings(none, List.of(), false, 0, null, null, 0, -1, null);
        }
        FaceMesh reference = meshes.get(first);
        HeadPose start = HeadPose.of(reference);
        List<TrackedFrame> frames = new ArrayList<>();
        int jumps = 0;
        FaceMesh previous = null;
        for (FaceMesh mesh : meshes) {
            if (mesh == null) {
                frames.add(new TrackedFrame(null, null, null));
                continue;
            }
            if (previous != null && centreShift(previous, mesh) > ActiveThresholds.JUMP) {
                jumps++;
            }
            previous = mesh;
            frames.add(new TrackedFrame(mesh, HeadPose.of(mesh).relativeTo(start), PlanarMotion.between(reference, mesh)));
        }
        List<Run> runs = runs(frames);
        List<HeadMove> performed = runs.stream().map(Run::move).toList();

        double deformation = frames.stream().filter(TrackedFrame::hasFace).mapToDouble(f -> f.motion().deformation())
                .max().orElse(0);
        Double planar = null;
        if (deformation >= ActiveThresholds.MIN_DEFORMATION) {
            planar = frames.stream().filter(TrackedFrame::hasFace)
                    .sorted(Comparator.comparingDouble((TrackedFrame f) -> f.motion().deformation()).reversed())
                    .limit(EVIDENCE_FRAMES).mapToDouble(f -> f.motion().planarResidual()).average().orElse(0);
        }

        int best = bestFrame(images, frames);
        FaceAnalysis bestAnalysis = engine.analyze(images.get(best), new AnalysisOptions(false, true, false));
        Double identity = null;
        if (bestAnalysis.embedding() != null) {
            List<Integer> turned = runs.stream().sorted(Comparator.comparingDouble(Run::peakDeviation).reversed())
                    .limit(IDENTITY_FRAMES).map(Run::peak).toList();
            for (int index : turned) {
                FaceAnalysis other = engine.analyze(images.get(index), new AnalysisOptions(false, true, false));
                // a turned face the detector misses is not evidence of another person
                if (other.embedding() != null) {
                    double score = matcher.score(bestAnalysis.embedding(), other.embedding());
                    identity = identity == null ? score : Math.min(identity, score);
                }
            }
        }
        return new ActiveFindings(frames, performed, performed.equals(challenge), deformation, planar, identity, jumps,
                best, bestAnalysis);
    }

    private List<FaceMesh> track(List<BufferedImage> images) {
        List<FaceMesh> meshes = new ArrayList<>(images.size());
        FaceMesh previous = null;
        for (BufferedImage frame : images) {
            Image image = ImageFactory.getInstance().fromImage(frame);
            FaceMesh mesh = null;
            if (previous != null) {
                mesh = confident(models.landmarks().refine(image, previous));
            }
            if (mesh == null) {
                List<DetectedFace> faces = models.detector().detect(image);
                DetectedFace largest = faces.stream().max(Comparator.comparingDouble(DetectedFace::area)).orElse(null);
                if (largest != null) {
                    FaceMesh located = confident(models.landmarks().locate(image, largest));
                    // a second pass from the mesh's own crop is what tracking then sees; start from the same footing
                    mesh = located == null ? null : confident(models.landmarks().refine(image, located));
                }
            }
            meshes.add(mesh);
            if (mesh != null) {
                previous = mesh;
            }
        }
        return meshes;
    }

    private static FaceMesh confident(FaceMesh mesh) {
        return mesh.confidence() >= ActiveThresholds.MESH_CONFIDENCE ? mesh : null;
    }

    /** A stretch of consecutive frames holding the same move; its peak is the furthest-turned frame. */
    private record Run(HeadMove move, int peak, double peakDeviation) {
    }

    private static List<Run> runs(List<TrackedFrame> frames) {
        List<Run> runs = new ArrayList<>();
        HeadMove current = null;
        int peak = -1;
        double peakDeviation = 0;
        for (int i = 0; i < frames.size(); i++) {
            TrackedFrame frame = frames.get(i);
            if (!frame.hasFace()) {
                continue;
            }
            HeadMove move = classify(frame.pose());
            if (move != current) {
                if (current != null) {
                    runs.add(new Run(current, peak, peakDeviation));
                }
                current = move;
                peak = i;
                peakDeviation = frame.pose().deviation();
            } else if (move != null && frame.pose().deviation() > peakDeviation) {
                peak = i;
                peakDeviation = frame.pose().deviation();
            }
        }
        if (current != null) {
            runs.add(new Run(current, peak, peakDeviation));
        }
        // the same move twice with only neutral frames between counts once
        List<Run> merged = new ArrayList<>();
        for (Run run : runs) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).move() == run.move()) {
                Run last = merged.remove(merged.size() - 1);
                merged.add(last.peakDeviation() >= run.peakDeviation() ? last : run);
            } else {
                merged.add(run);
            }
        }
        return merged;
    }

    static HeadMove classify(HeadPose pose) {
        double yaw = Math.abs(pose.yaw()), pitch = Math.abs(pose.pitch());
        if (yaw >= ActiveThresholds.TURN_DEGREES && yaw >= pitch) {
            return pose.yaw() > 0 ? HeadMove.TURN_LEFT : HeadMove.TURN_RIGHT;
        }
        if (pitch >= ActiveThresholds.NOD_DEGREES && pitch > yaw) {
            return pose.pitch() > 0 ? HeadMove.LOOK_UP : HeadMove.LOOK_DOWN;
        }
        return null;
    }

    /** Most frontal first; among near-frontal frames (within 6° of the most frontal) the sharpest. */
    private static int bestFrame(List<BufferedImage> images, List<TrackedFrame> frames) {
        double least = frames.stream().filter(TrackedFrame::hasFace).mapToDouble(f -> f.pose().deviation()).min().orElse(0);
        int best = -1;
        double sharpest = -1;
        for (int i = 0; i < frames.size(); i++) {
            TrackedFrame frame = frames.get(i);
            if (frame.hasFace() && frame.pose().deviation() <= least + 6) {
                double sharpness = FaceSharpness.of(images.get(i), frame.mesh());
                if (sharpness > sharpest) {
                    sharpest = sharpness;
                    best = i;
                }
            }
        }
        return best;
    }

    private static double centreShift(FaceMesh a, FaceMesh b) {
        return Math.hypot(a.x(1) - b.x(1), a.y(1) - b.y(1)) / PlanarMotion.interOcular(a);
    }
}
