package dev.likeness.session;

import dev.likeness.workflow.DocumentSettings;
import dev.likeness.workflow.FaceMatchSettings;
import dev.likeness.workflow.FeatureNode;
import dev.likeness.workflow.FeatureSettingsParser;
import dev.likeness.workflow.LivenessMethod;
import dev.likeness.workflow.LivenessSettings;
import dev.likeness.workflow.WorkflowCatalog;

import java.util.Optional;

/**
 * A session with the workflow version it pinned when it was created: what its steps are and how
 * they are set, whatever the workflow has become since.
 */
public record PinnedSession(VerificationSession session, WorkflowCatalog.Published workflow) {

    public Optional<FeatureNode> node(String feature) {
        return workflow.node(feature);
    }

    public Optional<LivenessSettings> liveness() {
        return workflow.steps().liveness();
    }

    public Optional<FaceMatchSettings> faceMatch() {
        return workflow.steps().faceMatch();
    }

    public Optional<DocumentSettings> document() {
        return workflow.steps().document();
    }

    /** The liveness step's method, or empty for a workflow without liveness. */
    public Optional<LivenessMethod> livenessMethod() {
        return liveness().map(LivenessSettings::faceLivenessMethod);
    }

    public boolean isKyc() {
        return FeatureSettingsParser.KYC.equals(workflow.workflow().workflowType);
    }
}
