package dev.likeness.capture.page;

import dev.likeness.NeedsSharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.EvalFiles;
import dev.likeness.session.SessionExpiry;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hosted capture page in a real browser: headless Chromium whose fake camera plays an eval
 * photo, driven by src/test/browser/capture-page.mjs. Screenshots of every screen, at phone and
 * desktop width, land in target/screenshots.
 */
@QuarkusTest
@NeedsSharedData
class CapturePageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of("target");

    @Inject
    SessionExpiry expiry;

    @Inject
    EntityManager entityManager;

    @Test
    void anEndUserGoesFromTheLinkToTheCallback() throws IOException {
        Path chromium = HeadlessChromium.require();
        BrowserScript script = new BrowserScript(TARGET.resolve("browser-test"));
        script.install();
        Path video = FakeCameraVideo.write(EvalFiles.bytes(EvalFiles.LIVE_A2), TARGET.resolve("browser-test/camera-live-a2.y4m"), 20, 10);

        SessionFlows flows = new SessionFlows("capture-page");
        String workflow = flows.defaultWorkflow();
        // Session links start with the public URL, which the test profile points at the test port.
        String origin = origin(ConfigProvider.getConfig().getValue("likeness.public.url", String.class));
        String callback = origin + "/test-callback/done?ref=abc";
        Map<String, Object> flow = session(flows, workflow, EvalFiles.LIVE_A1, null, callback);
        Map<String, Object> retry = session(flows, workflow, EvalFiles.LIVE_B1, null, callback);
        Map<String, Object> denied = session(flows, workflow, EvalFiles.LIVE_A1, "es", callback);
        Map<String, Object> kyc = session(flows, flows.workflow("{\"workflow_type\": \"kyc\"}"), null, null, callback);
        Map<String, Object> expired = session(flows, workflow, EvalFiles.LIVE_A1, null, callback);
        backdate(UUID.fromString((String) expired.get("session_id")));
        expiry.expireDue();

        Path resultFile = TARGET.resolve("browser-test/result.json");
        Files.deleteIfExists(resultFile);
        Map<String, Object> config = new HashMap<>();
        config.put("chromium", chromium.toString());
        config.put("video", video.toAbsolutePath().toString());
        config.put("outDir", TARGET.resolve("screenshots").toAbsolutePath().toString());
        config.put("resultFile", resultFile.toAbsolutePath().toString());
        config.put("flow", Map.of("url", flow.get("url")));
        config.put("retry", Map.of("url", retry.get("url")));
        config.put("denied", Map.of("url", denied.get("url")));
        config.put("kyc", Map.of("url", kyc.get("url")));
        config.put("expired", Map.of("url", expired.get("url")));
        config.put("notFound", Map.of("url", origin + "/session/NoSuchSessionToken42"));
        Path configFile = TARGET.resolve("browser-test/config.json");
        JSON.writeValue(configFile.toFile(), config);

        script.run(configFile);
        JsonNode result = JSON.readTree(resultFile.toFile());
        JsonNode scenarios = result.get("scenarios");
        for (String name : List.of("flow", "finished", "retry", "denied", "kyc", "expired", "notFound")) {
            assertNull(scenarios.get(name).get("error"), () -> name + ": " + scenarios.get(name).get("error").asText());
        }

        assertEquals(0, result.get("foreignRequests").size(), () -> "requests left the machine: " + result.get("foreignRequests"));
        for (String name : List.of("flow", "finished", "retry", "denied", "kyc", "expired")) {
            assertEquals(0, result.get("consoleErrors").get(name).size(), () -> name + " console: " + result.get("consoleErrors").get(name));
        }
        // The 404 document itself is the only error Chromium may report for the unknown link.
        for (JsonNode error : result.get("consoleErrors").get("notFound")) {
            assertTrue(error.asText().contains("404"), () -> "notFound console: " + error);
        }

        JsonNode approved = scenarios.get("flow");
        assertEquals(200, approved.get("status").asInt());
        assertTrue(approved.get("csp").asText().startsWith("default-src 'self'"), approved.get("csp").asText());
        assertTrue(approved.get("mustAgreeShown").asBoolean());
        assertEquals(List.of("screen-title", "consent-agree", "consent-start"), strings(approved.get("focusOrder")));
        URI finalUrl = URI.create(approved.get("finalUrl").asText());
        assertEquals("/test-callback/done", finalUrl.getPath());
        assertEquals("ref=abc&verificationSessionId=" + flow.get("session_id") + "&status=Approved", finalUrl.getQuery());
        flows.decision((String) flow.get("session_id")).statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("Approved"));
        capturedImagesAreServed(flows, (String) flow.get("session_id"));

        assertEquals("Already completed", scenarios.get("finished").get("title").asText());
        assertTrue(scenarios.get("retry").get("reasons").asText().contains("did not match the photo"),
                scenarios.get("retry").get("reasons").asText());
        assertTrue(scenarios.get("retry").get("body").asText().contains("Attempts left: 2"), scenarios.get("retry").get("body").asText());
        assertTrue(scenarios.get("retry").get("cameraAgain").asBoolean());
        assertEquals("es", scenarios.get("denied").get("lang").asText());
        assertEquals("El acceso a la cámara está bloqueado", scenarios.get("denied").get("title").asText());
        assertTrue(scenarios.get("denied").get("retried").asBoolean());
        JsonNode document = scenarios.get("kyc");
        assertTrue(document.get("consentSteps").asText().startsWith("Take a photo of your identity document."),
                document.get("consentSteps").asText());
        assertEquals("Step 1 of 2", document.get("progress").asText());
        // The fake camera shows a face, not a card: either the portrait is found or the page asks again.
        assertTrue(List.of("camera-selfie", "retry").contains(document.get("afterDocument").asText()));
        assertEquals("This link has expired", scenarios.get("expired").get("title").asText());
        assertEquals(0, scenarios.get("expired").get("buttons").asInt());
        assertEquals(404, scenarios.get("notFound").get("status").asInt());
        assertEquals("This link is not valid", scenarios.get("notFound").get("title").asText());

        for (JsonNode shot : result.get("screenshots")) {
            assertTrue(Files.size(Path.of(shot.asText())) > 1000, shot.asText());
        }
        assertEquals(18, result.get("screenshots").size());
    }

    /** As if the session's lifetime had run out before the user opened the link. */
    @Transactional
    void backdate(UUID sessionId) {
        entityManager.createQuery("update VerificationSession s set s.expiresAt = s.createdAt where s.id = :id")
                .setParameter("id", sessionId).executeUpdate();
    }

    static Map<String, Object> session(SessionFlows flows, String workflow, String portrait, String language,
                                               String callback) {
        Map<String, Object> body = new HashMap<>();
        body.put("workflow_id", workflow);
        if (portrait != null) {
            body.put("portrait_image", SessionFlows.portrait(portrait));
        }
        body.put("callback", callback);
        if (language != null) {
            body.put("language", language);
        }
        return flows.api().body(body).post("/v3/session/").then().statusCode(201).extract().jsonPath().getMap("$");
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    /** The decision of a session completed through the page links to what the camera captured. */
    static void capturedImagesAreServed(SessionFlows flows, String sessionId) {
        var decision = flows.decision(sessionId).extract().jsonPath();
        for (String link : List.of(decision.getString("liveness_checks[0].reference_image"),
                decision.getString("face_matches[0].target_image"), decision.getString("face_matches[0].source_image"))) {
            RestAssured.given().get(link).then().statusCode(200).contentType("image/jpeg");
        }
    }
}
