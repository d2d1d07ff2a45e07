package dev.likeness;

import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates real applications through the admin API, so tests can act as separate tenants. */
public final class TestTenants {

    /** Configured for the test profile in application.properties. */
    public static final String ADMIN_TOKEN = "likeness-test-admin-token";
    /** The bootstrap application's key in the test profile. */
    public static final String BOOTSTRAP_KEY = "sk_test_likeness-test-key-0000000000000000000000000";

    public record Tenant(UUID applicationId, UUID keyId, String apiKey) {
    }

    private TestTenants() {
    }

    public static Tenant create(String name) {
        Map<String, Object> body = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .body(Map.of("name", name, "environment", "sandbox"))
                .post("/admin/applications")
                .then().statusCode(201).extract().jsonPath().getMap("$");
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) body.get("api_key");
        return new Tenant(UUID.fromString((String) body.get("application_id")), UUID.fromString((String) key.get("id")),
                (String) key.get("api_key"));
    }
}
