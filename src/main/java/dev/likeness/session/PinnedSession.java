package dev.likeness.session;

import dev.likeness.workflow.FeatureNode;
import dev.likeness.workflow.FeatureSettingsParser;
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

    public boolean isKyc() {
        return FeatureSettingsParser.KYC.equals(workflow.workflow().workflowType);
    }
}
