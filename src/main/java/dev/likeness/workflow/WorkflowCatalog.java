package dev.likeness.workflow;

import dev.likeness.common.Page;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.likeness.common.ApiException;
import dev.likeness.common.StoredJson;
import dev.likeness.security.ApplicationCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Creates, versions and reads workflows; the one place that writes workflow rows. */
@ApplicationScoped
public class WorkflowCatalog {

    /** A workflow as published at one version, which is what sessions run. */
    public record Published(Workflow workflow, int version, WorkflowSteps steps) {

        public List<FeatureNode> features() {
            return steps.features();
        }

        public Optional<FeatureNode> node(String feature) {
            return steps.node(feature);
        }
    }

    private static final TypeReference<List<FeatureNode>> NODES = new TypeReference<>() {
    };
    /** Far more versions than a deployment reads in a day; past it the cache starts afresh. */
    private static final int MAX_CACHED_VERSIONS = 4096;

    private final FeatureSettingsParser parser;
    private final StoredJson json;
    /**
     * Versions as read from the database, parsed once: a capture request reads its session's
     * version several times, and a published version never changes. Filled only from committed
     * rows, never while publishing, so a rolled-back publication cannot linger here.
     */
    private final Map<WorkflowVersion.Key, WorkflowSteps> parsed = new ConcurrentHashMap<>();

    public WorkflowCatalog(FeatureSettingsParser parser, StoredJson json) {
        this.parser = parser;
        this.json = json;
    }

    /** Every new application can create a session at once: it gets a default biometric workflow. */
    void onApplicationCreated(@Observes ApplicationCreated event) {
        create(event.applicationId(), "Biometric authentication", FeatureSettingsParser.BIOMETRIC_AUTHENTICATION,
                null, true);
    }

    @Transactional
    public Published create(UUID applicationId, String label, String type,
                            List<FeatureSettingsParser.FeatureRequest> features, boolean makeDefault) {
        String workflowType = FeatureSettingsParser.checkType(type);
        List<FeatureNode> nodes = parser.parse(workflowType, features, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (makeDefault) {
            Workflow.update("isDefault = false where applicationId = ?1 and isDefault = true", applicationId);
        }
        Workflow workflow = new Workflow();
        workflow.id = UUID.randomUUID();
        workflow.applicationId = applicationId;
        workflow.label = label == null || label.isBlank() ? defaultLabel(workflowType) : label;
        workflow.workflowType = workflowType;
        workflow.currentVersion = 1;
        workflow.isDefault = makeDefault;
        workflow.createdAt = now;
        workflow.updatedAt = now;
        workflow.persist();
        publish(workflow, nodes, now);
        return new Published(workflow, 1, WorkflowSteps.of(nodes, parser));
    }

    /** Publishes a new version; sessions already created keep running the version they pinned. */
    @Transactional
    public Published update(UUID applicationId, UUID workflowId, String label,
                            List<FeatureSettingsParser.FeatureRequest> features, Boolean makeDefault) {
        Workflow workflow = Workflow.findOwned(applicationId, workflowId).orElseThrow(ApiException::notFound);
        List<FeatureNode> previous = steps(workflow.id, workflow.currentVersion).features();
        List<FeatureNode> nodes = features == null && label == null ? previous
                : parser.parse(workflow.workflowType, features == null ? asRequests(previous) : features, previous);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (Boolean.TRUE.equals(makeDefault) && !workflow.isDefault) {
            Workflow.update("isDefault = false where applicationId = ?1 and isDefault = true", applicationId);
            workflow.isDefault = true;
        }
        if (label != null && !label.isBlank()) {
            workflow.label = label;
        }
        if (features != null) {
            workflow.currentVersion += 1;
            publish(workflow, nodes, now);
        }
        workflow.updatedAt = now;
        return new Published(workflow, workflow.currentVersion, WorkflowSteps.of(nodes, parser));
    }

    public Published latest(UUID applicationId, UUID workflowId) {
        Workflow workflow = Workflow.findOwned(applicationId, workflowId).orElseThrow(ApiException::notFound);
        return new Published(workflow, workflow.currentVersion, steps(workflow.id, workflow.currentVersion));
    }

    public Optional<Published> find(UUID applicationId, UUID workflowId) {
        return Workflow.findOwned(applicationId, workflowId)
                .map(w -> new Published(w, w.currentVersion, steps(w.id, w.currentVersion)));
    }

    public Published version(UUID applicationId, UUID workflowId, int version) {
        Workflow workflow = Workflow.findOwned(applicationId, workflowId).orElseThrow(ApiException::notFound);
        return new Published(workflow, version, steps(workflow.id, version));
    }

    public List<Workflow> list(UUID applicationId, Page.Window window) {
        return Workflow.find("applicationId = ?1 order by createdAt desc", applicationId).range(window.offset(), window.last()).list();
    }

    public long count(UUID applicationId) {
        return Workflow.count("applicationId", applicationId);
    }

    public Optional<Workflow> defaultOf(UUID applicationId) {
        return Workflow.find("applicationId = ?1 and isDefault = true", applicationId).firstResultOptional();
    }

    private WorkflowSteps steps(UUID workflowId, int version) {
        WorkflowVersion.Key key = new WorkflowVersion.Key(workflowId, version);
        WorkflowSteps cached = parsed.get(key);
        if (cached != null) {
            return cached;
        }
        WorkflowSteps steps = WorkflowSteps.of(read(workflowId, version), parser);
        if (parsed.size() >= MAX_CACHED_VERSIONS) {
            parsed.clear();
        }
        // Two requests may parse the same version at once; either result is the same, keep the first.
        WorkflowSteps raced = parsed.putIfAbsent(key, steps);
        return raced == null ? steps : raced;
    }

    private List<FeatureNode> read(UUID workflowId, int version) {
        WorkflowVersion row = WorkflowVersion.findById(new WorkflowVersion.Key(workflowId, version));
        if (row == null) {
            throw ApiException.notFound();
        }
        return json.read(row.features, NODES);
    }

    private void publish(Workflow workflow, List<FeatureNode> nodes, OffsetDateTime now) {
        WorkflowVersion row = new WorkflowVersion();
        row.workflowId = workflow.id;
        row.version = workflow.currentVersion;
        row.createdAt = now;
        row.features = json.write(nodes);
        row.persist();
    }

    private static List<FeatureSettingsParser.FeatureRequest> asRequests(List<FeatureNode> nodes) {
        return nodes.stream().map(n -> new FeatureSettingsParser.FeatureRequest(n.feature(), n.config())).toList();
    }

    private static String defaultLabel(String type) {
        return FeatureSettingsParser.KYC.equals(type) ? "KYC" : "Biometric authentication";
    }
}
