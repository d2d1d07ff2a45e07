package dev.likeness.workflow;

import java.util.List;
import java.util.Optional;

/**
 * A published version's feature nodes with each node's settings already typed. A version never
 * changes once published, so one instance, read and converted once, serves every request on that
 * version; it is immutable and safe to share between threads.
 */
public final class WorkflowSteps {

    private final List<FeatureNode> features;
    private final LivenessSettings liveness;
    private final FaceMatchSettings faceMatch;
    private final DocumentSettings document;

    private WorkflowSteps(List<FeatureNode> features, LivenessSettings liveness, FaceMatchSettings faceMatch,
                          DocumentSettings document) {
        this.features = features;
        this.liveness = liveness;
        this.faceMatch = faceMatch;
        this.document = document;
    }

    static WorkflowSteps of(List<FeatureNode> nodes, FeatureSettingsParser parser) {
        List<FeatureNode> features = List.copyOf(nodes);
        return new WorkflowSteps(features,
                node(features, FeatureSettingsParser.LIVENESS).map(parser::liveness).orElse(null),
                node(features, FeatureSettingsParser.FACE_MATCH).map(parser::faceMatch).orElse(null),
                node(features, FeatureSettingsParser.ID_VERIFICATION).map(parser::document).orElse(null));
    }

    public List<FeatureNode> features() {
        return features;
    }

    public Optional<FeatureNode> node(String feature) {
        return node(features, feature);
    }

    public Optional<LivenessSettings> liveness() {
        return Optional.ofNullable(liveness);
    }

    public Optional<FaceMatchSettings> faceMatch() {
        return Optional.ofNullable(faceMatch);
    }

    public Optional<DocumentSettings> document() {
        return Optional.ofNullable(document);
    }

    private static Optional<FeatureNode> node(List<FeatureNode> features, String feature) {
        return features.stream().filter(n -> n.feature().equals(feature)).findFirst();
    }
}
