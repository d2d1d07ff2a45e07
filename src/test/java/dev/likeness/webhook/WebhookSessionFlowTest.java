package dev.likeness.webhook;

import dev.likeness.NeedsSharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.EvalFiles;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real session, captured through the API, reaches a real receiver signed as Didit signs it. */
@QuarkusTest
@NeedsSharedData
class WebhookSessionFlowTest {

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
    void aCapturedSessionSendsSignedStatusUpdatesWithTheDecision() throws Exception {
        SessionFlows flows = new SessionFlows("webhook-flow");
        JsonNode destination = JSON.readTree(flows.api()
                .body(Map.of("url", receiver.url("/didit"), "subscribed_events", List.of("status.updated")))
                .post("/v3/webhook/destinations/").then().statusCode(201).extract().asString());
        String secret = destination.get("secret_shared_key").asText();

        String[] session = flows.open(flows.defaultWorkflow(), "hooked-user", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]).statusCode(200);
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(200);

        List<Receiver.Request> received = receiver.await(r -> r.size() >= 2, Duration.ofSeconds(30), "two status updates");
        JsonNode started = JSON.readTree(received.get(0).body());
        JsonNode finished = JSON.readTree(received.get(1).body());
        assertEquals("In Progress", started.get("status").asText());
        assertEquals("Approved", finished.get("status").asText());
        for (Receiver.Request request : received) {
            DiditReceiverCheck.verify(request, secret);
            JsonNode body = JSON.readTree(request.body());
            assertEquals("status.updated", body.get("webhook_type").asText());
            assertEquals(session[0], body.get("session_id").asText());
            assertEquals("hooked-user", body.get("vendor_data").asText());
            assertEquals("sandbox", body.get("environment").asText());
        }
        JsonNode decision = finished.get("decision");
        assertEquals("Approved", decision.get("status").asText());
        assertEquals("Approved", decision.get("face_matches").get(0).get("status").asText());
        assertTrue(decision.get("face_matches").get(0).get("score").asDouble() > 70);
        String selfieLink = decision.get("liveness_checks").get(0).get("reference_image").asText();
        given().get(selfieLink).then().statusCode(200);
    }
}
