package dev.likeness.webhook;

import dev.likeness.ProductionDefaults;
import dev.likeness.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the production default ({@code likeness.webhooks.allow-private-targets=false}) no API key can
 * aim deliveries at loopback, link-local (cloud metadata) or private addresses: not when
 * configuring, in any numeric spelling, and not when a stored URL points there at send time.
 */
@QuarkusTest
@TestProfile(ProductionDefaults.class)
class PrivateTargetsRefusedTest {

    private static final List<String> PRIVATE = List.of("http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.5/hook", "http://172.16.3.4/hook", "http://192.168.1.10/hook", "http://127.0.0.1:8080/hook",
            "http://localhost/hook", "http://[::1]/hook", "http://[fc00::5]/hook", "http://[fe80::1]/hook",
            "http://0x7f000001/", "http://2130706433/", "http://0177.0.0.1/", "http://127.1/",
            "http://0xa9fea9fe/latest/meta-data/");

    @Inject
    SessionFixture sessions;

    @Test
    void privateTargetsAreRefusedWhenConfigured() {
        TestTenants.Tenant tenant = TestTenants.create("webhook-private-config");
        for (String url : PRIVATE) {
            given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "subscribed_events", List.of("status.updated")))
                    .post("/v3/webhook/destinations/")
                    .then().statusCode(400).body("url", equalTo(WebhookTargetPolicy.PRIVATE_REFUSED));
            given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON)
                    .body(Map.of("webhook_url", url))
                    .patch("/v3/webhook/")
                    .then().statusCode(400).body("webhook_url", equalTo(WebhookTargetPolicy.PRIVATE_REFUSED));
        }
        given().header("x-api-key", tenant.apiKey()).get("/v3/webhook/destinations/")
                .then().statusCode(200).body("size()", equalTo(0));
        given().header("x-api-key", tenant.apiKey()).get("/v3/webhook/")
                .then().statusCode(200).body("webhook_url", equalTo(null));

        String id = given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://93.184.216.34/hook", "subscribed_events", List.of("status.updated")))
                .post("/v3/webhook/destinations/").then().statusCode(201).extract().path("uuid");
        given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://0x7f000001/"))
                .patch("/v3/webhook/destinations/" + id + "/")
                .then().statusCode(400).body("url", equalTo(WebhookTargetPolicy.PRIVATE_REFUSED));
    }

    /** A name that resolved publicly when configured may resolve privately later: checked again before sending. */
    @Test
    void aStoredUrlThatNowPointsInsideIsNotCalled() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("webhook-private-send");
        try (Receiver receiver = new Receiver()) {
            String id = given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON)
                    .body(Map.of("url", "https://93.184.216.34/hook", "subscribed_events", List.of("status.updated")))
                    .post("/v3/webhook/destinations/").then().statusCode(201).extract().path("uuid");
            // Stands in for a DNS answer that changed after configuration.
            QuarkusTransaction.requiringNew().run(() -> WebhookDestination.update("url = ?1 where id = ?2",
                    receiver.url("/inside"), UUID.fromString(id)));

            UUID session = sessions.create(tenant.applicationId(), "private-send", null);
            sessions.changeStatus(tenant.applicationId(), session, "Approved");

            JsonPath log = awaitLoggedAttempt(tenant, id);
            assertEquals(WebhookTargetPolicy.PRIVATE_REFUSED, log.getString("results[0].error"));
            assertEquals(false, log.getBoolean("results[0].success"));
            assertNull(log.get("results[0].http_status"));
            Thread.sleep(500);
            assertTrue(receiver.requests().isEmpty(), "the private receiver was called");
        }
    }

    private static JsonPath awaitLoggedAttempt(TestTenants.Tenant tenant, String destinationId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonPath log = given().header("x-api-key", tenant.apiKey())
                    .get("/v3/webhook/destinations/" + destinationId + "/deliveries/")
                    .then().statusCode(200).extract().jsonPath();
            if (log.getInt("count") > 0) {
                return log;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no delivery attempt was logged");
            }
            Thread.sleep(100);
        }
    }
}
