package dev.likeness.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real status changes delivered to a real HTTP receiver on 127.0.0.1, verified the way a Didit
 * receiver verifies them: HMACs recomputed here over the raw bytes, and the README's Python snippet
 * run against every received request.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    SessionFixture sessions;

    @Inject
    EntityManager em;

    @Inject
    WebhookClaims claims;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookEnvelopes envelopes;

    @Inject
    WebhookSender sender;

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
    void destinationsAreValidatedAndScopedToTheirApplication() {
        TestTenants.Tenant alice = TestTenants.create("webhook-alice");
        TestTenants.Tenant bob = TestTenants.create("webhook-bob");

        for (String bad : List.of("ftp://example.com/hook", "http://user:pw@example.com/hook", "https://example.com/hook#frag",
                "not a url", "", "/relative/path", "javascript:alert(1)", "http:///nohost")) {
            given().header("x-api-key", alice.apiKey()).contentType(ContentType.JSON)
                    .body(Map.of("url", bad, "subscribed_events", List.of("status.updated")))
                    .post("/v3/webhook/destinations/")
                    .then().statusCode(400).body("url", org.hamcrest.Matchers.notNullValue());
        }
        given().header("x-api-key", alice.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.com/hook", "subscribed_events", List.of("*"), "webhook_version", "v9"))
                .post("/v3/webhook/destinations/")
                .then().statusCode(400)
                .body("subscribed_events", org.hamcrest.Matchers.containsString("not a valid event type"))
                .body("webhook_version", org.hamcrest.Matchers.notNullValue());
        given().header("x-api-key", alice.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.com/hook"))
                .post("/v3/webhook/destinations/")
                .then().statusCode(400).body("subscribed_events", equalTo("This field is required."));

        JsonNode created = json(given().header("x-api-key", alice.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("label", "Production session webhooks", "url", "https://example.com/hook?x=1",
                        "subscribed_events", List.of("status.updated", "data.updated"), "webhook_version", "v2"))
                .post("/v3/webhook/destinations/")
                .then().statusCode(201)
                .body("label", equalTo("Production session webhooks"))
                .body("url", equalTo("https://example.com/hook?x=1"))
                .body("enabled", equalTo(true))
                .body("webhook_version", equalTo("v2")));
        String id = created.get("uuid").asText();
        String secret = created.get("secret_shared_key").asText();
        assertEquals(43, secret.length());

        // The secret is shown once, when created or rotated; afterwards only its last four characters.
        given().header("x-api-key", alice.apiKey()).get("/v3/webhook/destinations/" + id + "/")
                .then().statusCode(200).body("$", not(hasKey("secret_shared_key")))
                .body("secret_last4", equalTo(secret.substring(39)));
        String rotated = given().header("x-api-key", alice.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("enabled", false, "subscribed_events", List.of("data.updated"), "rotate_secret_key", true))
                .patch("/v3/webhook/destinations/" + id + "/")
                .then().statusCode(200).body("enabled", equalTo(false))
                .body("subscribed_events", equalTo(List.of("data.updated")))
                .body("secret_shared_key", not(equalTo(secret)))
                .extract().path("secret_shared_key");
        given().header("x-api-key", alice.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://example.com/#x"))
                .patch("/v3/webhook/destinations/" + id + "/")
                .then().statusCode(400).body("url", equalTo("URLs must not contain a fragment."));
        given().header("x-api-key", alice.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("label", "x".repeat(256)))
                .patch("/v3/webhook/destinations/" + id + "/")
                .then().statusCode(400).body("label", equalTo("Ensure this field has no more than 255 characters."));
        given().header("x-api-key", alice.apiKey()).get("/v3/webhook/destinations/" + id + "/")
                .then().statusCode(200).body("label", equalTo("Production session webhooks"))
                .body("$", not(hasKey("secret_shared_key")));
        // Didit's list is a plain array; it never carries the secret, only its last four characters.
        String list = given().header("x-api-key", alice.apiKey()).get("/v3/webhook/destinations/")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].uuid", equalTo(id))
                .body("[0].label", equalTo("Production session webhooks"))
                .body("[0].secret_last4", equalTo(rotated.substring(39)))
                .body("[0].subscribed_events", equalTo(List.of("data.updated")))
                .body("[0]", not(hasKey("secret_shared_key")))
                .extract().asString();
        assertFalse(list.contains(rotated), "the list leaks the secret");
        assertFalse(list.contains(secret), "the list leaks the old secret");

        // Another application's destination is not found, whatever the verb.
        given().header("x-api-key", bob.apiKey()).get("/v3/webhook/destinations/" + id + "/").then().statusCode(404)
                .body("detail", equalTo("Not found."));
        given().header("x-api-key", bob.apiKey()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .patch("/v3/webhook/destinations/" + id + "/").then().statusCode(404);
        given().header("x-api-key", bob.apiKey()).get("/v3/webhook/destinations/" + id + "/deliveries/").then().statusCode(404);
        given().header("x-api-key", bob.apiKey())
                .post("/v3/webhook/destinations/" + id + "/deliveries/" + UUID.randomUUID() + "/resend/").then().statusCode(404);
        given().header("x-api-key", bob.apiKey()).delete("/v3/webhook/destinations/" + id + "/").then().statusCode(404);
        given().header("x-api-key", bob.apiKey()).get("/v3/webhook/destinations/")
                .then().statusCode(200).body("uuid", not(hasItem(id)));
        given().header("x-api-key", alice.apiKey()).get("/v3/webhook/destinations/not-a-uuid/").then().statusCode(404);

        given().header("x-api-key", alice.apiKey()).delete("/v3/webhook/destinations/" + id + "/").then().statusCode(204);
        given().header("x-api-key", alice.apiKey()).get("/v3/webhook/destinations/" + id + "/").then().statusCode(404);

        // The legacy app-level webhook.
        String legacySecret = given().header("x-api-key", alice.apiKey()).get("/v3/webhook/")
                .then().statusCode(200).body("webhook_url", equalTo(null)).body("webhook_version", equalTo("v3"))
                .extract().path("secret_shared_key");
        given().header("x-api-key", alice.apiKey()).get("/v3/webhook/")
                .then().body("secret_shared_key", equalTo(legacySecret));
        given().header("x-api-key", alice.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("webhook_url", "http://a:b@example.com/"))
                .patch("/v3/webhook/").then().statusCode(400).body("webhook_url", equalTo("URLs must not contain credentials."));
        given().header("x-api-key", alice.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("webhook_url", "https://example.com/legacy", "webhook_version", "v1"))
                .patch("/v3/webhook/").then().statusCode(200)
                .body("webhook_url", equalTo("https://example.com/legacy"))
                .body("webhook_version", equalTo("v1"))
                .body("secret_shared_key", equalTo(legacySecret));
        given().header("x-api-key", alice.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("rotate_secret_key", true))
                .patch("/v3/webhook/").then().statusCode(200)
                .body("webhook_url", equalTo("https://example.com/legacy"))
                .body("secret_shared_key", not(equalTo(legacySecret)));
        given().header("x-api-key", bob.apiKey()).get("/v3/webhook/")
                .then().statusCode(200).body("webhook_url", equalTo(null))
                .body("secret_shared_key", not(equalTo(legacySecret)));
    }

    @Test
    void statusChangesArriveSignedAsDiditReceiversVerifyThem() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("webhook-signed");
        JsonNode destination = createDestination(tenant, receiver.url("/hooks/likeness"), List.of("status.updated"));
        String secret = destination.get("secret_shared_key").asText();
        String legacySecret = given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("webhook_url", receiver.url("/legacy")))
                .patch("/v3/webhook/").then().statusCode(200).extract().path("secret_shared_key");
        createDestination(tenant, receiver.url("/data-only"), List.of("data.updated"));

        String metadata = "{\"wp_user_id\": 42, \"note\": \"café 東京 😀 a/b\", \"score\": 96.15, \"whole\": 95.0, \"tiny\": 1e-7, \"nested\": {}}";
        UUID session = sessions.create(tenant.applicationId(), "wp-42", metadata);
        sessions.changeStatus(tenant.applicationId(), session, "In Progress");
        sessions.changeStatus(tenant.applicationId(), session, "Approved");

        List<Receiver.Request> all = receiver.await(r -> r.size() >= 4, WAIT, "two events to two destinations");
        List<Receiver.Request> main = all.stream().filter(r -> r.path().equals("/hooks/likeness")).toList();
        List<Receiver.Request> legacy = all.stream().filter(r -> r.path().equals("/legacy")).toList();
        assertEquals(2, main.size());
        assertEquals(2, legacy.size());
        assertTrue(all.stream().noneMatch(r -> r.path().equals("/data-only")), "data.updated-only destination gets no status events");

        List<String> statuses = new ArrayList<>();
        for (Receiver.Request r : main) {
            DiditReceiverCheck.verify(r, secret);
            JsonNode body = JSON.readTree(r.body());
            statuses.add(body.get("status").asText());
            assertEquals("status.updated", body.get("webhook_type").asText());
            assertEquals(session.toString(), body.get("session_id").asText());
            assertEquals(tenant.applicationId().toString(), body.get("application_id").asText());
            assertEquals("sandbox", body.get("environment").asText());
            assertEquals("wp-42", body.get("vendor_data").asText());
            assertEquals("café 東京 😀 a/b", body.get("metadata").get("note").asText());
            assertEquals(42, body.get("metadata").get("wp_user_id").asInt());
            assertTrue(body.get("timestamp").isIntegralNumber() && body.get("created_at").isIntegralNumber());
            assertEquals(r.header("X-Timestamp"), body.get("timestamp").asText());
            assertEquals(session.toString(), body.get("decision").get("session_id").asText());
            assertEquals("Likeness-Webhook/1.0", r.header("User-Agent"));
            assertEquals("application/json", r.header("Content-Type"));
            String raw = new String(r.body(), StandardCharsets.US_ASCII);
            assertTrue(raw.contains("\"score\":96.15") && raw.contains("\"whole\":95") && raw.contains("\"tiny\":1e-07")
                    && raw.contains("caf\\u00e9") && raw.contains("a/b") && raw.contains("\"nested\":{}"), raw);
        }
        assertEquals(List.of("In Progress", "Approved"), statuses);
        JsonNode first = JSON.readTree(main.get(0).body());
        JsonNode firstLegacy = JSON.readTree(legacy.get(0).body());
        assertEquals(first.get("event_id"), firstLegacy.get("event_id"), "one event, one event_id for every destination");
        for (Receiver.Request r : legacy) {
            DiditReceiverCheck.verify(r, legacySecret);
        }

        String destinationId = destination.get("uuid").asText();
        awaitDeliveries(tenant, destinationId, 2);
        given().header("x-api-key", tenant.apiKey()).get("/v3/webhook/destinations/" + destinationId + "/deliveries/")
                .then().statusCode(200).body("count", equalTo(2))
                .body("results[0].success", equalTo(true))
                .body("results[0].http_status", equalTo(200))
                .body("results[0].response_body", equalTo("{\"ok\":true}"))
                .body("results[0].delivery_state", equalTo("delivered"))
                .body("results[0].attempt", equalTo(1))
                .body("results.status", org.hamcrest.Matchers.containsInAnyOrder("In Progress", "Approved"));
    }

    @Test
    void aReceiverDownForAWhileGetsEveryEventInOrder() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("webhook-outage");
        JsonNode destination = createDestination(tenant, receiver.url("/hook"), List.of("status.updated"));
        String secret = destination.get("secret_shared_key").asText();
        receiver.answer(500, "x".repeat(3000));

        UUID a = sessions.create(tenant.applicationId(), "user-a", null);
        UUID b = sessions.create(tenant.applicationId(), "user-b", "{\"k\": [1, 2.5]}");
        List<String> aStatuses = List.of("In Progress", "In Review", "Approved");
        List<String> bStatuses = List.of("In Progress", "Declined");
        for (int i = 0; i < 3; i++) {
            sessions.changeStatus(tenant.applicationId(), a, aStatuses.get(i));
            if (i < 2) {
                sessions.changeStatus(tenant.applicationId(), b, bStatuses.get(i));
            }
        }
        // Failing: retried, and never the second event of a session while its first is pending.
        receiver.await(r -> r.size() >= 4, WAIT, "retries while answering 500");
        for (Receiver.Request r : receiver.requests()) {
            assertEquals("In Progress", JSON.readTree(r.body()).get("status").asText(), "only first events while failing");
        }
        // Down: connection refused for a while.
        receiver.stop();
        String destinationId = destination.get("uuid").asText();
        awaitLog(tenant, destinationId, "Connection refused or unreachable.");
        receiver.restart();
        receiver.answer(200, "{\"ok\":true}");

        List<Receiver.Request> received = receiver.await(r -> r.stream().filter(q -> q.answered() == 200).count() >= 5,
                WAIT, "every event after recovery");
        List<String> deliveredA = new ArrayList<>();
        List<String> deliveredB = new ArrayList<>();
        for (Receiver.Request r : received) {
            DiditReceiverCheck.verify(r, secret);
            if (r.answered() != 200) {
                continue;
            }
            JsonNode body = JSON.readTree(r.body());
            (body.get("session_id").asText().equals(a.toString()) ? deliveredA : deliveredB).add(body.get("status").asText());
        }
        assertEquals(aStatuses, deliveredA);
        assertEquals(bStatuses, deliveredB);

        JsonNode log = json(given().header("x-api-key", tenant.apiKey())
                .get("/v3/webhook/destinations/" + destinationId + "/deliveries/?limit=200").then().statusCode(200));
        boolean saw500 = false;
        for (JsonNode d : log.get("results")) {
            if (d.get("http_status").asInt() == 500) {
                saw500 = true;
                assertFalse(d.get("success").asBoolean());
                assertTrue(d.get("response_body").asText().length() <= 1024, "response snippet is at most 1 KB");
            }
        }
        assertTrue(saw500, "500 answers are logged");
    }

    @Test
    void eventsClaimedByADeadDispatcherAreTakenOverAfterTheLease() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("webhook-lease");
        JsonNode destination = createDestination(tenant, receiver.url("/hook"), List.of("status.updated"));
        UUID session = sessions.create(tenant.applicationId(), "lease", null);
        // The status change commits together with a claim by a process that then "dies" mid-delivery.
        UUID deadToken = UUID.randomUUID();
        sessions.changeStatus(tenant.applicationId(), session, "In Progress", () -> {
            em.flush();
            em.createNativeQuery("update webhook_event set lease_until = clock_timestamp() + interval '3 seconds', "
                    + "claim_token = ?1 where session_id = ?2").setParameter(1, deadToken).setParameter(2, session)
                    .executeUpdate();
        });
        double leaseEnd = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select extract(epoch from lease_until) from webhook_event where session_id = ?1")
                .setParameter(1, session).getSingleResult()).doubleValue());

        List<Receiver.Request> received = receiver.await(r -> !r.isEmpty(), WAIT, "the orphaned event");
        assertTrue(received.get(0).at().toEpochMilli() / 1000.0 >= leaseEnd, "not sent while another process holds it");
        DiditReceiverCheck.verify(received.get(0), destination.get("secret_shared_key").asText());
        String destinationId = destination.get("uuid").asText();
        awaitState(tenant, destinationId, "delivered");

        // The dead process's late report is logged but cannot undo the delivery.
        UUID row = QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                "select id from webhook_event where session_id = ?1").setParameter(1, session).getSingleResult());
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        claims.complete(row, deadToken, new DeliveryAttempt(1L, false, 500, 5, null, null, now, now), false);
        JsonNode log = awaitDeliveries(tenant, destinationId, 2);
        for (JsonNode d : log.get("results")) {
            assertEquals("delivered", d.get("delivery_state").asText());
        }
        assertEquals(1, receiver.requests().size(), "sent once");
    }

    @Test
    void twoDispatchersSharingTheOutboxSendEachEventOnceAndInOrder() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("webhook-replicas");
        JsonNode destination = createDestination(tenant, receiver.url("/hook"), List.of("status.updated"));
        WebhookDispatcher replica = new WebhookDispatcher(config, claims, envelopes, sender);
        replica.start(null);
        try {
            List<String> flow = List.of("In Progress", "In Review", "Approved", "Resubmitted", "Approved");
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(sessions.create(tenant.applicationId(), "replica-" + i, null));
            }
            for (String status : flow) {
                for (UUID id : ids) {
                    sessions.changeStatus(tenant.applicationId(), id, status);
                }
                replica.wake();
            }
            int expected = flow.size() * ids.size();
            List<Receiver.Request> received = receiver.await(r -> r.size() >= expected, WAIT, "every event");
            awaitLogMatching(tenant, destination.get("uuid").asText(), l -> l.get("count").asInt() >= expected, "log");
            Map<String, List<String>> perSession = new java.util.HashMap<>();
            java.util.Set<String> eventIds = new java.util.HashSet<>();
            for (Receiver.Request r : received) {
                JsonNode body = JSON.readTree(r.body());
                assertTrue(eventIds.add(body.get("event_id").asText()), "each event sent once");
                perSession.computeIfAbsent(body.get("session_id").asText(), k -> new ArrayList<>()).add(body.get("status").asText());
            }
            assertEquals(expected, received.size());
            for (UUID id : ids) {
                assertEquals(flow, perSession.get(id.toString()), "order of session " + id);
            }
        } finally {
            replica.stop(null);
        }
    }

    @Test
    void aSlowReceiverGetsOnlyItsShareOfSenders() throws Exception {
        TestTenants.Tenant slowTenant = TestTenants.create("webhook-slow");
        TestTenants.Tenant fastTenant = TestTenants.create("webhook-fast");
        createDestination(slowTenant, receiver.url("/slow"), List.of("status.updated"));
        try (Receiver fast = new Receiver()) {
            createDestination(fastTenant, fast.url("/fast"), List.of("status.updated"));
            receiver.delay(Duration.ofMillis(1_500));
            for (int i = 0; i < 10; i++) {
                UUID slowSession = sessions.create(slowTenant.applicationId(), "slow-" + i, null);
                sessions.changeStatus(slowTenant.applicationId(), slowSession, "Approved");
            }
            for (int i = 0; i < 10; i++) {
                UUID fastSession = sessions.create(fastTenant.applicationId(), "fast-" + i, null);
                sessions.changeStatus(fastTenant.applicationId(), fastSession, "Approved");
            }
            List<Receiver.Request> fastDone = fast.await(r -> r.size() >= 10, WAIT, "the fast receiver's events");
            List<Receiver.Request> slowDone = receiver.await(r -> r.size() >= 10, WAIT, "the slow receiver's events");
            int cap = config.perDestinationConcurrency();
            assertTrue(receiver.mostAtOnce() <= cap, "slow receiver had " + receiver.mostAtOnce() + " requests at once");
            assertTrue(fastDone.get(9).at().isBefore(slowDone.get(9).at()), "the fast receiver did not wait for the slow one");
        }
    }

    @Test
    void resendSendsTheSameEventWithAFreshTimestampAndSignature() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("webhook-resend");
        JsonNode destination = createDestination(tenant, receiver.url("/hook"), List.of("status.updated"));
        String destinationId = destination.get("uuid").asText();
        String secret = destination.get("secret_shared_key").asText();
        UUID session = sessions.create(tenant.applicationId(), "resend", null);
        sessions.changeStatus(tenant.applicationId(), session, "Approved");
        receiver.await(r -> r.size() == 1, WAIT, "the first delivery");
        JsonNode log = awaitDeliveries(tenant, destinationId, 1);
        String deliveryId = log.get("results").get(0).get("uuid").asText();

        Thread.sleep(1_100); // the next epoch second, so the timestamp must differ
        given().header("x-api-key", tenant.apiKey())
                .post("/v3/webhook/destinations/" + destinationId + "/deliveries/" + deliveryId + "/resend/")
                .then().statusCode(202).body("delivery_state", equalTo("pending"));
        List<Receiver.Request> both = receiver.await(r -> r.size() == 2, WAIT, "the resent delivery");
        JsonNode original = JSON.readTree(both.get(0).body());
        JsonNode resent = JSON.readTree(both.get(1).body());
        DiditReceiverCheck.verify(both.get(1), secret);
        assertEquals(original.get("event_id"), resent.get("event_id"));
        assertEquals(original.get("created_at"), resent.get("created_at"));
        assertNotEquals(original.get("timestamp"), resent.get("timestamp"));
        assertNotEquals(both.get(0).header("X-Signature"), both.get(1).header("X-Signature"));
        assertNotEquals(both.get(0).header("X-Signature-Simple"), both.get(1).header("X-Signature-Simple"));

        JsonNode after = awaitDeliveries(tenant, destinationId, 2);
        assertEquals("resend", after.get("results").get(0).get("trigger").asText());
        assertEquals(resent.get("timestamp").asLong(), after.get("results").get(0).get("timestamp").asLong());
        given().header("x-api-key", tenant.apiKey())
                .post("/v3/webhook/destinations/" + destinationId + "/deliveries/" + UUID.randomUUID() + "/resend/")
                .then().statusCode(404);
    }

    @Test
    void anEventStillFailingAfterMaxAgeIsMarkedFailedAndUnblocksTheNext() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("webhook-expiry");
        JsonNode destination = createDestination(tenant, receiver.url("/hook"), List.of("status.updated"));
        String destinationId = destination.get("uuid").asText();
        receiver.answer(503, "busy");
        UUID session = sessions.create(tenant.applicationId(), "expiry", null);
        sessions.changeStatus(tenant.applicationId(), session, "In Progress");
        receiver.await(r -> r.size() >= 1, WAIT, "the first failed attempt");
        awaitDeliveries(tenant, destinationId, 1);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update webhook_event set first_attempt_at = first_attempt_at - interval '25 hours' where session_id = ?1")
                .setParameter(1, session).executeUpdate());
        awaitState(tenant, destinationId, "failed");

        receiver.answer(200, "ok");
        sessions.changeStatus(tenant.applicationId(), session, "Approved");
        receiver.await(r -> r.stream().anyMatch(q -> q.answered() == 200), WAIT, "the next event of the session");
    }

    @Test
    void disabledDestinationsGetNoEvents() {
        TestTenants.Tenant tenant = TestTenants.create("webhook-disabled");
        JsonNode destination = createDestination(tenant, receiver.url("/hook"), List.of("status.updated"));
        String destinationId = destination.get("uuid").asText();
        given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .patch("/v3/webhook/destinations/" + destinationId + "/").then().statusCode(200);
        UUID session = sessions.create(tenant.applicationId(), "off", null);
        sessions.changeStatus(tenant.applicationId(), session, "Approved");
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from webhook_event where session_id = ?1").setParameter(1, session).getSingleResult()).longValue());
        assertEquals(0, rows);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static JsonNode createDestination(TestTenants.Tenant tenant, String url, List<String> events) {
        return json(given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "subscribed_events", events))
                .post("/v3/webhook/destinations/").then().statusCode(201));
    }

    private static JsonNode json(ValidatableResponse response) {
        try {
            return JSON.readTree(response.extract().asByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The delivery log is written just after the receiver answers; wait for it. */
    private static JsonNode awaitDeliveries(TestTenants.Tenant tenant, String destinationId, int count) throws InterruptedException {
        return awaitLogMatching(tenant, destinationId, log -> log.get("count").asInt() >= count, "deliveries logged");
    }

    private static void awaitLog(TestTenants.Tenant tenant, String destinationId, String error) throws InterruptedException {
        awaitLogMatching(tenant, destinationId, log -> {
            for (JsonNode d : log.get("results")) {
                if (error.equals(d.get("error").asText(null))) {
                    return true;
                }
            }
            return false;
        }, "a logged error " + error);
    }

    private static void awaitState(TestTenants.Tenant tenant, String destinationId, String state) throws InterruptedException {
        awaitLogMatching(tenant, destinationId, log -> log.get("results").size() > 0
                && state.equals(log.get("results").get(0).get("delivery_state").asText()), "state " + state);
    }

    private static JsonNode awaitLogMatching(TestTenants.Tenant tenant, String destinationId,
                                             java.util.function.Predicate<JsonNode> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode log = json(given().header("x-api-key", tenant.apiKey())
                    .get("/v3/webhook/destinations/" + destinationId + "/deliveries/?limit=200").then().statusCode(200));
            if (done.test(log)) {
                return log;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + log);
            }
            Thread.sleep(100);
        }
    }

}
