package dev.likeness.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published document is the contract clients generate code from: every v3 operation states
 * its success body and the error bodies it can answer with, and the examples have the shape of
 * the records they illustrate.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyV3AndCaptureOperationDocumentsItsSuccessAndErrorBodies() {
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            boolean v3 = path.getKey().startsWith("/v3/");
            if (!v3 && !path.getKey().startsWith("/capture/v1/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().path("responses");
                boolean success = false;
                boolean clientError = false;
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    String status = response.getKey();
                    JsonNode resolved = resolve(response.getValue());
                    if (status.equals("204")) {
                        success = true;
                    } else if (status.startsWith("2")) {
                        success = true;
                        if (!hasSchema(resolved)) {
                            gaps.add(name + ": " + status + " has no body schema");
                        }
                    } else if (!hasSchema(resolved)) {
                        gaps.add(name + ": " + status + " has no body schema");
                    } else if (status.startsWith("4")) {
                        clientError = true;
                    }
                }
                if (!success) {
                    gaps.add(name + ": no 2xx response");
                }
                if (!clientError) {
                    gaps.add(name + ": no 4xx response");
                }
                for (String status : v3 ? List.of("401", "403", "429") : List.of("404")) {
                    if (!errorShape(responses.path(status)).equals("ApiError")) {
                        gaps.add(name + ": " + status + " is not the ApiError shape");
                    }
                }
                if (op.getValue().has("requestBody") && !responses.has("413")) {
                    gaps.add(name + ": takes a body but documents no 413");
                }
            }
        }
        assertTrue(operations > 50, "v3 and capture operations found: " + operations);
        assertEquals(List.of(), gaps);
    }

    @Test
    void errorShapesAreTheContracts() {
        JsonNode apiError = document.at("/components/schemas/ApiError");
        assertEquals(Set.of("detail", "code"), names(apiError.path("properties")));
        assertEquals("detail", apiError.path("required").get(0).asText());
        assertEquals("string", document.at("/components/schemas/FieldErrors/additionalProperties/type").asText());
        JsonNode session = document.at("/paths/~1v3~1session~1/post/responses");
        assertEquals("#/components/responses/BadRequest", session.at("/400/$ref").asText());
        assertEquals("Not found.", resolve(document.at("/paths/~1v3~1session~1{sessionId}~1decision~1/get/responses/404"))
                .at("/content/application~1json/example/detail").asText());
        JsonNode faceMatch = document.at("/paths/~1v3~1face-match~1/post/responses");
        assertEquals("inference_busy", resolve(faceMatch.path("503"))
                .at("/content/application~1json/examples/busy/value/code").asText());
        assertEquals("You do not have permission to perform this action.",
                resolve(faceMatch.path("403")).at("/content/application~1json/example/detail").asText());
    }

    @Test
    void successBodiesNameTheirRecords() {
        assertEquals("#/components/schemas/SessionView",
                document.at("/paths/~1v3~1session~1/post/responses/201/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Decision", document.at(
                "/paths/~1v3~1session~1{sessionId}~1decision~1/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/FaceMatchResponse", document.at(
                "/paths/~1v3~1face-match~1/post/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/LivenessResponse", document.at(
                "/paths/~1v3~1passive-liveness~1/post/responses/200/content/application~1json/schema/$ref").asText());
        assertTrue(document.at("/paths/~1v3~1session~1{sessionId}~1delete~1/delete/responses").has("204"));
    }

    /** Jackson writes every record snake_case; a schema in camelCase would describe fields that never appear. */
    @Test
    void schemasUseTheWireNames() {
        List<String> camel = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : document.at("/components/schemas").properties()) {
            for (String property : names(schema.getValue().path("properties"))) {
                if (!property.equals(property.toLowerCase())) {
                    camel.add(schema.getKey() + "." + property);
                }
            }
        }
        assertEquals(List.of(), camel);
        assertEquals("#/components/schemas/AnyJson", document.at("/components/schemas/SessionView/properties/metadata/$ref").asText());
    }

    /** An example that drifts from its record would teach clients fields that are not there. */
    @Test
    void examplesHaveTheShapeOfTheirRecords() {
        assertExample("/paths/~1v3~1session~1/post/requestBody/content/application~1json/examples/portrait",
                "CreateSessionRequest", true);
        assertExample("/paths/~1v3~1session~1/post/responses/201/content/application~1json/examples/created",
                "SessionView", false);
        assertExample("/paths/~1v3~1session~1{sessionId}~1decision~1/get/responses/200/content/application~1json/examples/decision",
                "Decision", false);
        assertExample("/paths/~1v3~1face-match~1/post/responses/200/content/application~1json/examples/approved",
                "FaceMatchResponse", false);
        assertExample("/paths/~1v3~1passive-liveness~1/post/responses/200/content/application~1json/examples/approved",
                "LivenessResponse", false);
        JsonNode webhook = document.at("/webhooks/status.updated/post/requestBody/content/application~1json");
        JsonNode payload = resolveExample(webhook.at("/examples/approved"));
        assertEquals(names(webhook.at("/schema/properties")), names(payload));
        assertEquals(names(document.at("/components/schemas/Decision/properties")), names(payload.path("decision")));
    }

    private void assertExample(String pointer, String schema, boolean subset) {
        JsonNode example = resolveExample(document.at(pointer));
        assertTrue(example.isObject(), pointer + " has no example value");
        Set<String> fields = names(document.at("/components/schemas/" + schema + "/properties"));
        if (subset) {
            assertTrue(fields.containsAll(names(example)), pointer + ": " + names(example) + " not within " + fields);
        } else {
            assertEquals(fields, names(example), pointer);
        }
    }

    private JsonNode resolveExample(JsonNode example) {
        JsonNode resolved = example.has("$ref") ? document.at(example.get("$ref").asText().substring(1)) : example;
        return resolved.path("value");
    }

    private JsonNode resolve(JsonNode response) {
        return response.has("$ref") ? document.at(response.get("$ref").asText().substring(1)) : response;
    }

    private static boolean hasSchema(JsonNode response) {
        JsonNode schema = response.at("/content/application~1json/schema");
        return schema.isObject() && !schema.isEmpty();
    }

    private String errorShape(JsonNode response) {
        return resolve(response).at("/content/application~1json/schema/$ref").asText().replace("#/components/schemas/", "");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
