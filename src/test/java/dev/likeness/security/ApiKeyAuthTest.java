package dev.likeness.security;

import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ApiKeyAuthTest {

    @Test
    void noKeyIsForbiddenWithDidItsText() {
        given().get("/v3/workflows/")
                .then().statusCode(403)
                .body("detail", equalTo("You do not have permission to perform this action."));
    }

    @Test
    void wrongKeyIsUnauthorized() {
        given().header("x-api-key", "sk_live_" + "A".repeat(43)).get("/v3/workflows/")
                .then().statusCode(401).body("detail", notNullValue());
        given().header("x-api-key", "not-a-key").get("/v3/workflows/")
                .then().statusCode(401).body("detail", notNullValue());
    }

    @Test
    void bootstrapKeyWorks() {
        given().header("x-api-key", TestTenants.BOOTSTRAP_KEY).get("/v3/workflows/")
                .then().statusCode(200).body("count", notNullValue());
    }

    @Test
    void issuedKeysHaveDiditsFormatAndRevocationIsImmediate() {
        TestTenants.Tenant tenant = TestTenants.create("revocation");
        org.hamcrest.MatcherAssert.assertThat(tenant.apiKey(), matchesPattern("sk_test_[A-Za-z0-9_-]{43}"));
        given().header("x-api-key", tenant.apiKey()).get("/v3/workflows/").then().statusCode(200);

        given().header("Authorization", "Bearer " + TestTenants.ADMIN_TOKEN)
                .delete("/admin/applications/" + tenant.applicationId() + "/api-keys/" + tenant.keyId())
                .then().statusCode(204);

        given().header("x-api-key", tenant.apiKey()).get("/v3/workflows/")
                .then().statusCode(401).body("detail", notNullValue());
    }

    @Test
    void keysAreListedWithoutSecrets() {
        TestTenants.Tenant tenant = TestTenants.create("listing");
        given().header("Authorization", "Bearer " + TestTenants.ADMIN_TOKEN)
                .get("/admin/applications/" + tenant.applicationId() + "/api-keys")
                .then().statusCode(200)
                .body("[0].prefix", equalTo(tenant.apiKey().substring(0, 12)))
                .body("[0].api_key", nullValue());
    }

    @Test
    void adminSurfaceRejectsWrongToken() {
        given().header("Authorization", "Bearer nope").get("/admin/applications")
                .then().statusCode(401).body("detail", notNullValue());
        given().get("/admin/applications").then().statusCode(401);
    }
}
