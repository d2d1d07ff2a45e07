package dev.likeness.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a workflow as Didit's v3 API shows it: the feature name, the node id that decision
 * items and warnings carry, and the node's settings with every default filled in.
 */
public record FeatureNode(String feature, String nodeId, Map<String, Object> config) {

    /** Read-only (in its order, null values kept): a parsed version is shared between requests. */
    public FeatureNode {
        config = config == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
