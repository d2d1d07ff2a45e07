package dev.likeness.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parses every manifest under k8s/ and checks what would break a deployment or leak a secret. */
@QuarkusTest
class KubernetesManifestsTest {

    private static final Pattern SENSITIVE = Pattern.compile(".*(KEY|TOKEN|PASSWORD|SECRET).*");
    private static final List<JsonNode> DOCS = new ArrayList<>();

    @BeforeAll
    static void parse() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        File[] files = new File("k8s").listFiles((d, n) -> n.endsWith(".yaml"));
        assertNotNull(files);
        for (File file : files) {
            try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(file)) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc != null && !doc.isEmpty()) {
                        DOCS.add(doc);
                    }
                }
            }
        }
    }

    @Test
    void everyDocumentIsAWellFormedObject() {
        assertTrue(DOCS.size() >= 9, "documents found: " + DOCS.size());
        for (JsonNode doc : DOCS) {
            if ("Kustomization".equals(doc.path("kind").asText())) {
                doc.path("resources").forEach(r -> assertTrue(new File("k8s", r.asText()).isFile(), "kustomize resource " + r));
                continue;
            }
            assertFalse(doc.path("apiVersion").asText().isEmpty(), doc.toString());
            assertFalse(doc.path("kind").asText().isEmpty(), doc.toString());
            assertFalse(doc.path("metadata").path("name").asText().isEmpty(), doc.toString());
        }
    }

    @Test
    void probesPointAtRealEndpointsOnTheServedPort() throws Exception {
        JsonNode container = likenessContainer();
        // The production port, as configured (the test run itself listens on the test port).
        Properties properties = new Properties();
        try (var in = new java.io.FileInputStream("src/main/resources/application.properties")) {
            properties.load(in);
        }
        int served = Integer.parseInt(properties.getProperty("quarkus.http.port"));
        JsonNode http = find(container.path("ports"), "name", "http");
        assertEquals(served, http.path("containerPort").asInt());
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals("http", get.path("port").asText(), probe + " port");
            String path = get.path("path").asText();
            assertTrue(path.startsWith("/q/health/"), probe + " path " + path);
            given().get(path).then().statusCode(200);
        }
        JsonNode service = byKind("Service", "likeness");
        assertEquals("http", service.path("spec").path("ports").get(0).path("targetPort").asText());
        assertEquals(labels(deployment()), service.path("spec").path("selector"));
    }

    @Test
    void secretsAreReferencedNeverInlined() {
        JsonNode container = likenessContainer();
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            if (SENSITIVE.matcher(name).matches()) {
                assertTrue(env.path("value").isMissingNode(), name + " is inlined");
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                // Every secret comes from the template the operator fills in before the first apply,
                // never from one a database operator creates later.
                Set<String> templateKeys = new HashSet<>();
                byKind("Secret", ref.path("name").asText()).path("stringData").fieldNames().forEachRemaining(templateKeys::add);
                assertTrue(templateKeys.contains(ref.path("key").asText()), name + " refers to a key the template lacks");
            }
        }
        assertEquals("likeness-db-credentials", byKind("Cluster", "likeness-db").path("spec").path("bootstrap")
                .path("initdb").path("secret").path("name").asText(), "CloudNativePG creates the user from the template's secret");
        for (JsonNode doc : DOCS) {
            if ("ConfigMap".equals(doc.path("kind").asText())) {
                doc.path("data").fieldNames().forEachRemaining(k -> assertFalse(SENSITIVE.matcher(k).matches()
                        && !k.endsWith("_DIR"), "ConfigMap holds " + k));
            }
        }
        String configMap = container.path("envFrom").get(0).path("configMapRef").path("name").asText();
        byKind("ConfigMap", configMap);
    }

    @Test
    void podIsHardenedWithWritableScratch() {
        JsonNode pod = deployment().path("spec").path("template").path("spec");
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
        JsonNode container = likenessContainer();
        assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean());
        assertFalse(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true));
        assertFalse(container.path("resources").path("limits").path("memory").asText().isEmpty());
        assertFalse(container.path("resources").path("requests").path("cpu").asText().isEmpty());
        Set<String> mounts = new HashSet<>();
        container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
        assertTrue(mounts.contains("/tmp"), "writable /tmp");
        for (JsonNode mount : container.path("volumeMounts")) {
            assertNotNull(find(pod.path("volumes"), "name", mount.path("name").asText()), "volume " + mount);
        }
    }

    @Test
    void autoscalerAndDisruptionBudgetTargetTheDeployment() {
        JsonNode hpa = byKind("HorizontalPodAutoscaler", "likeness");
        assertEquals("likeness", hpa.path("spec").path("scaleTargetRef").path("name").asText());
        assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 2);
        JsonNode pdb = byKind("PodDisruptionBudget", "likeness");
        assertEquals(labels(deployment()), pdb.path("spec").path("selector").path("matchLabels"));
    }

    /**
     * {@code kubectl apply -k k8s/} on a plain cluster (kind, minikube): every listed resource and
     * component exists, and the default install claims no volume (no ReadOnlyMany storage there).
     */
    @Test
    void theDefaultKustomizationAppliesOnAPlainCluster() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode kustomization = yaml.readTree(new File("k8s/kustomization.yaml"));
        for (JsonNode resource : kustomization.path("resources")) {
            assertTrue(new File("k8s", resource.asText()).isFile(), "missing resource " + resource.asText());
        }
        JsonNode component = yaml.readTree(new File("k8s/minifasnet/kustomization.yaml"));
        assertEquals("Component", component.path("kind").asText());
        for (JsonNode resource : component.path("resources")) {
            assertTrue(new File("k8s/minifasnet", resource.asText()).isFile(), "missing resource " + resource.asText());
        }
        for (JsonNode volume : deployment().path("spec").path("template").path("spec").path("volumes")) {
            assertTrue(volume.path("persistentVolumeClaim").isMissingNode(), "the default install claims " + volume);
        }
    }

    @Test
    void bothDatabaseChoicesAreThere() {
        byKind("Cluster", "likeness-db");
        byKind("StatefulSet", "likeness-postgres");
    }

    private static JsonNode deployment() {
        return byKind("Deployment", "likeness");
    }

    private static JsonNode labels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    private static JsonNode likenessContainer() {
        return find(deployment().path("spec").path("template").path("spec").path("containers"), "name", "likeness");
    }

    private static JsonNode byKind(String kind, String name) {
        return DOCS.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + "=" + value + " in " + array);
    }
}
