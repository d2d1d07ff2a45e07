package dev.likeness.workflow;

import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class WorkflowApiTest {

    private static RequestSpecification as(TestTenants.Tenant tenant) {
        return given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON);
    }

    @Test
    void newApplicationHasADefaultBiometricWorkflowWithContractDefaults() {
        TestTenants.Tenant tenant = TestTenants.create("defaults");
        as(tenant).get("/v3/workflows/").then().statusCode(200)
                .body("count", equalTo(1))
                .body("results[0].workflow_type", equalTo("biometric_authentication"))
                .body("results[0].is_default", equalTo(true))
                .body("results[0].workflow_version", equalTo(1))
                .body("results[0].features.feature", contains("LIVENESS", "FACE_MATCH"))
                .body("results[0].features[0].node_id", equalTo("feature_liveness_1"))
                .body("results[0].features[0].config.face_liveness_method", equalTo("PASSIVE"))
                .body("results[0].features[0].config.face_liveness_score_review_threshold", equalTo(70.0f))
                .body("results[0].features[0].config.face_liveness_score_decline_threshold", equalTo(50.0f))
                .body("results[0].features[0].config.face_liveness_max_attempts", equalTo(3))
                .body("results[0].features[1].config.face_match_score_review_threshold", equalTo(70.0f))
                .body("results[0].features[1].config.face_match_score_decline_threshold", equalTo(50.0f))
                .body("results[0].features[1].config.face_match_max_attempts", equalTo(3));
    }

    @Test
    void updatesPublishNewVersionsAndKeepUntouchedSettings() {
        TestTenants.Tenant tenant = TestTenants.create("versions");
        String id = as(tenant).body("""
                {"workflow_label": "Login", "workflow_type": "biometric_authentication",
                 "features": [{"feature": "LIVENESS", "config": {"face_liveness_max_attempts": 2}},
                              {"feature": "FACE_MATCH", "config": {"face_match_score_review_threshold": 80, "unknown_key": 1}}]}
                """).post("/v3/workflows/").then().statusCode(201)
                .body("workflow_version", equalTo(1))
                .body("features[1].config.face_match_score_review_threshold", equalTo(80.0f))
                .body("features[1].config.unknown_key", equalTo(null))
                .extract().path("uuid");

        as(tenant).body("""
                {"features": [{"feature": "LIVENESS"}, {"feature": "FACE_MATCH", "config": {"face_match_max_attempts": 5}}]}
                """).patch("/v3/workflows/" + id + "/").then().statusCode(200)
                .body("workflow_version", equalTo(2))
                .body("workflow_label", equalTo("Login"))
                .body("features[0].config.face_liveness_max_attempts", equalTo(2))
                .body("features[1].config.face_match_score_review_threshold", equalTo(80.0f))
                .body("features[1].config.face_match_max_attempts", equalTo(5));

        as(tenant).get("/v3/workflows/" + id + "/").then().statusCode(200).body("workflow_version", equalTo(2));
    }

    @Test
    void kycStartsWithTheDocumentAndLivenessOnlyWorkflowsAreAllowed() {
        TestTenants.Tenant tenant = TestTenants.create("kyc");
        as(tenant).body("{\"workflow_type\": \"kyc\"}").post("/v3/workflows/").then().statusCode(201)
                .body("features.feature", contains("ID_VERIFICATION", "LIVENESS", "FACE_MATCH"));
        as(tenant).body("{\"workflow_type\": \"kyc\", \"features\": [{\"feature\": \"LIVENESS\"}, {\"feature\": \"OCR\"}]}")
                .post("/v3/workflows/").then().statusCode(400).body("features", notNullValue());
        as(tenant).body("{\"workflow_type\": \"biometric_authentication\", \"features\": [{\"feature\": \"LIVENESS\"}]}")
                .post("/v3/workflows/").then().statusCode(201).body("features", hasSize(1));
    }

    @Test
    void invalidSettingsAreRejectedByField() {
        TestTenants.Tenant tenant = TestTenants.create("invalid");
        as(tenant).body("{}").post("/v3/workflows/").then().statusCode(400).body("workflow_type", notNullValue());
        as(tenant).body("{\"workflow_type\": \"adaptive_age_verification\"}").post("/v3/workflows/")
                .then().statusCode(400).body("workflow_type", notNullValue());
        as(tenant).body("{\"workflow_type\": \"biometric_authentication\", \"features\": [{\"feature\": \"AML\"}]}")
                .post("/v3/workflows/").then().statusCode(400).body("features", notNullValue());
        as(tenant).body("""
                {"workflow_type": "biometric_authentication", "features": [{"feature": "LIVENESS",
                 "config": {"face_liveness_max_attempts": 9, "face_liveness_method": "FLASHING"}}]}
                """).post("/v3/workflows/").then().statusCode(400)
                .body("face_liveness_max_attempts", equalTo("Must be between 1 and 3."))
                .body("face_liveness_method", notNullValue());
        as(tenant).body("""
                {"workflow_type": "biometric_authentication", "features": [{"feature": "LIVENESS"},
                 {"feature": "FACE_MATCH", "config": {"face_match_score_decline_threshold": 90}}]}
                """).post("/v3/workflows/").then().statusCode(400)
                .body("face_match_score_decline_threshold", notNullValue());
        as(tenant).get("/v3/workflows/not-a-uuid/").then().statusCode(404);
        as(tenant).get("/v3/workflows/?limit=0").then().statusCode(400).body("limit", notNullValue());
    }
}
