package dev.likeness.ops;

import dev.likeness.ProductionDefaults;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What an outsider reaches on the API port of a production install: health yes, docs and metrics no. */
@QuarkusTest
@TestProfile(ProductionDefaults.class)
class ProductionSurfaceTest {

    @Test
    void apiDocsAreOffUnlessEnabled() {
        given().get("/q/openapi").then().statusCode(404);
        given().get("/q/openapi?format=json").then().statusCode(404);
        given().get("/q/swagger-ui/").then().statusCode(404);
        given().get("/q/swagger-ui/index.html").then().statusCode(404);
        int management = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        given().port(management).get("/q/openapi").then().statusCode(404);
        given().port(management).get("/q/swagger-ui/").then().statusCode(404);
    }

    @Test
    void metricsAreOnlyOnTheManagementPort() {
        given().get("/q/metrics").then().statusCode(404);
        int management = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        given().port(management).get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void probesStayOnTheApiPort() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
