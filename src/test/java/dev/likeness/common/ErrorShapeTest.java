package dev.likeness.common;

import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ErrorShapeTest {

    private static final String KEY = TestTenants.BOOTSTRAP_KEY;

    @Test
    void malformedJsonIsA400WithDetail() {
        given().header("x-api-key", KEY).contentType("application/json").body("{\"workflow_type\": ")
                .post("/v3/workflows/")
                .then().statusCode(400).contentType(startsWith("application/json"))
                .body("detail", startsWith("JSON parse error"));
    }

    @Test
    void wrongTypeIsKeyedByField() {
        given().header("x-api-key", KEY).contentType("application/json").body("{\"workflow_type\": {\"a\": 1}}")
                .post("/v3/workflows/")
                .then().statusCode(400).body("workflow_type", notNullValue());
    }

    @Test
    void fieldValidationIsKeyedByField() {
        given().header("x-api-key", KEY).contentType("application/json")
                .body("{\"workflow_type\": \"biometric_authentication\", \"features\": [{\"feature\": \"FACE_MATCH\", \"config\": {\"face_match_score_review_threshold\": 140}}, {\"feature\": \"LIVENESS\"}]}")
                .post("/v3/workflows/")
                .then().statusCode(400).body("face_match_score_review_threshold", equalTo("Must be between 0 and 100."));
    }

    @Test
    void unknownRoutesAnswerJson() {
        given().header("x-api-key", KEY).get("/v3/does-not-exist/")
                .then().statusCode(404).contentType(startsWith("application/json")).body("detail", equalTo("Not found."));
        given().get("/nothing/here")
                .then().statusCode(404).contentType(startsWith("application/json")).body("detail", equalTo("Not found."));
    }

    @Test
    void wrongMethodAnswersJson() {
        given().header("x-api-key", KEY).delete("/v3/workflows/")
                .then().statusCode(405).contentType(startsWith("application/json"))
                .body("detail", equalTo("Method \"DELETE\" not allowed."));
    }

    @Test
    void everyAnswerCarriesARequestId() {
        given().get("/q/health/live").then().header(RequestIds.HEADER, notNullValue());
        given().header("x-api-key", KEY).get("/v3/does-not-exist/").then().header(RequestIds.HEADER, notNullValue());
        given().header(RequestIds.HEADER, "trace-1234567").get("/q/health/live")
                .then().header(RequestIds.HEADER, equalTo("trace-1234567"));
    }
}
