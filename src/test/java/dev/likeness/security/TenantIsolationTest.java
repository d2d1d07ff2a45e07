package dev.likeness.security;

import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class TenantIsolationTest {

    @Test
    void anotherApplicationsWorkflowIsNotFound() {
        TestTenants.Tenant alice = TestTenants.create("alice");
        TestTenants.Tenant bob = TestTenants.create("bob");
        String bobsWorkflow = given().header("x-api-key", bob.apiKey()).get("/v3/workflows/")
                .then().statusCode(200).extract().path("results[0].uuid");

        given().header("x-api-key", alice.apiKey()).get("/v3/workflows/" + bobsWorkflow + "/")
                .then().statusCode(404).body("detail", equalTo("Not found."));
        given().header("x-api-key", alice.apiKey()).contentType("application/json")
                .body("{\"workflow_label\":\"hijack\"}")
                .patch("/v3/workflows/" + bobsWorkflow + "/")
                .then().statusCode(404);
        given().header("x-api-key", alice.apiKey()).get("/v3/workflows/")
                .then().statusCode(200).body("results.uuid", not(hasItem(bobsWorkflow)));
        given().header("x-api-key", bob.apiKey()).get("/v3/workflows/" + bobsWorkflow + "/")
                .then().statusCode(200);
    }
}
