package dev.likeness.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** User events reach a real receiver, flat and signed like session events. */
@QuarkusTest
class UserWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Receiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void statusChangesAndEditsAreSentToSubscribedDestinations() throws Exception {
        SessionFlows flows = new SessionFlows("user-webhooks");
        JsonNode destination = JSON.readTree(flows.api()
                .body(Map.of("url", receiver.url("/users"),
                        "subscribed_events", List.of("user.status.updated", "user.data.updated")))
                .post("/v3/webhook/destinations/").then().statusCode(201).extract().asString());
        String secret = destination.get("secret_shared_key").asText();
        // A session-only destination hears nothing of users.
        flows.api().body(Map.of("url", receiver.url("/sessions"), "subscribed_events", List.of("status.updated")))
                .post("/v3/webhook/destinations/").then().statusCode(201);

        String id = flows.api().body(Map.of("vendor_data", "Hooked-User", "full_name", "Hank"))
                .post("/v3/users/create/").then().statusCode(201).extract().path("didit_internal_id");
        flows.api().body(Map.of("status", "BLOCKED", "reason", "fraud")).patch("/v3/users/hooked-user/update-status/")
                .then().statusCode(200);
        // Same status again: nothing is sent.
        flows.api().body(Map.of("status", "BLOCKED")).patch("/v3/users/hooked-user/update-status/").then().statusCode(200);
        flows.api().body(Map.of("full_name", "Hank Hill")).patch("/v3/users/hooked-user/").then().statusCode(200)
                .body("full_name", equalTo("Hank Hill"));

        List<Receiver.Request> received = receiver.await(r -> r.size() >= 3, Duration.ofSeconds(30), "three user events");
        Thread.sleep(1500);
        received = receiver.await(r -> true, Duration.ofSeconds(1), "settled");
        assertEquals(3, received.size(), "one creation, one status change, one edit");
        for (Receiver.Request r : received) {
            assertEquals("/users", r.path());
            // Signed like session events; a user event has no session_id, so that part of the simple signature is empty.
            JsonNode body = JSON.readTree(r.body());
            assertEquals(WebhookSigner.hmac(secret, r.body()), r.header("X-Signature"));
            String simple = body.get("timestamp").asText() + "::" + body.get("status").asText() + ":"
                    + body.get("webhook_type").asText();
            assertEquals(WebhookSigner.hmac(secret, simple.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    r.header("X-Signature-Simple"));
        }
        JsonNode created = JSON.readTree(received.get(0).body());
        JsonNode status = JSON.readTree(received.get(1).body());
        JsonNode edited = JSON.readTree(received.get(2).body());

        assertEquals("user.data.updated", created.get("webhook_type").asText());
        assertEquals(JSON.readTree("[\"vendor_data\",\"full_name\"]"), created.get("changed_fields"));
        assertEquals("Hank", created.at("/changes/full_name/current").asText());

        assertEquals("user.status.updated", status.get("webhook_type").asText());
        assertEquals("BLOCKED", status.get("status").asText());
        assertEquals("ACTIVE", status.get("previous_status").asText());
        assertEquals("Hooked-User", status.get("vendor_data").asText());
        assertEquals(id, status.get("didit_internal_id").asText());
        assertEquals(flows.tenant().applicationId().toString(), status.get("application_id").asText());
        assertEquals("sandbox", status.get("environment").asText());
        assertFalse(status.has("data"), "flat payload");
        assertFalse(status.has("reason"), "no reason in webhooks");
        assertFalse(status.has("session_id"));

        assertEquals("user.data.updated", edited.get("webhook_type").asText());
        assertEquals(JSON.readTree("[\"full_name\"]"), edited.get("changed_fields"));
        assertEquals("Hank", edited.at("/changes/full_name/previous").asText());
        assertEquals("Hank Hill", edited.at("/changes/full_name/current").asText());
    }
}
