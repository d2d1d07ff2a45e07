package dev.likeness.ops;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void livenessAndReadinessAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/v3/workflows/").then().statusCode(403); // at least one API request to count
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void openApiDescribesTheV3Api() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v3/workflows/"))
                .body("components.securitySchemes.ApiKeyAuth.name", equalTo("x-api-key"))
                // Read as text so bad values are a 400 on the field, but documented as integers.
                .body("paths.'/v3/sessions/'.get.parameters.find { it.name == 'limit' }.schema.type", equalTo("integer"))
                .body("paths.'/v3/workflows/'.get.parameters.find { it.name == 'offset' }.schema.type", equalTo("integer"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
