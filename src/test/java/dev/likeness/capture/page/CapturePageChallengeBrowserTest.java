package dev.likeness.capture.page;

import dev.likeness.NeedsSharedData;
import ai.djl.modality.cv.ImageFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.likeness.EvalFiles;
import dev.likeness.face.DetectedFace;
import dev.likeness.face.FaceModels;
import dev.likeness.face.landmarks.FaceMesh;
import dev.likeness.liveness.active.ChallengeFrames;
import dev.likeness.liveness.active.ChallengeVideo;
import dev.likeness.liveness.active.HeadMove;
import dev.likeness.media.ImageDecoder;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The active-liveness challenge in a real browser. The test profile fixes every challenge's moves
 * ({@code likeness.liveness.active.fixed-steps}), so fake-camera clips made here from an eval photo
 * can play them: a rendered head doing the moves (approved), the flat photo moved through the same
 * poses (declined as an attack) and the head doing the opposite moves (asked to try again). Each
 * clip needs its own Chromium launch; Start is pressed as soon as the camera runs, within the clip's
 * frontal lead-in (see {@link ChallengeVideo}).
 */
@QuarkusTest
@NeedsSharedData
class CapturePageChallengeBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of("target");
    private static final Path WORK = TARGET.resolve("browser-test");
    private static final int FPS = 10;
    private static final String ACTIVE_WORKFLOW = """
            {"workflow_type": "biometric_authentication", "features": [
             {"feature": "LIVENESS", "config": {"face_liveness_method": "ACTIVE_3D", "face_liveness_max_attempts": %d}},
             {"feature": "FACE_MATCH", "config": {"face_match_max_attempts": %d}}]}
            """;

    @Inject
    FaceModels models;
    @Inject
    ImageDecoder decoder;

    @Test
    void aHeadDoingTheMovesPassesAFlatPictureAndWrongMovesDoNot() throws Exception {
        Path chromium = HeadlessChromium.require();
        BrowserScript script = new BrowserScript(WORK);
        script.install();

        List<HeadMove> moves = ConfigProvider.getConfig().getValues("likeness.liveness.active.fixed-steps", String.class)
                .stream().map(s -> HeadMove.ofWire(s).orElseThrow()).toList();
        List<HeadMove> wrong = moves.stream().map(ChallengeFrames::opposite).toList();
        BufferedImage photo = decoder.decode(EvalFiles.bytes(EvalFiles.LIVE_A1)).image();
        FaceMesh mesh = mesh(photo);
        Path headVideo = FakeCameraVideo.write(ChallengeVideo.head(photo, mesh, moves, FPS), WORK.resolve("challenge-head.y4m"), FPS);
        Path flatVideo = FakeCameraVideo.write(ChallengeVideo.flat(photo, moves, FPS), WORK.resolve("challenge-flat.y4m"), FPS);
        Path wrongVideo = FakeCameraVideo.write(ChallengeVideo.head(photo, mesh, wrong, FPS), WORK.resolve("challenge-wrong.y4m"), FPS);

        SessionFlows flows = new SessionFlows("capture-page-challenge");
        String origin = CapturePageBrowserTest.origin(ConfigProvider.getConfig().getValue("likeness.public.url", String.class));
        String callback = origin + "/test-callback/done?ref=active";
        String once = flows.workflow(ACTIVE_WORKFLOW.formatted(1, 1));
        Map<String, Object> head = CapturePageBrowserTest.session(flows, once, EvalFiles.LIVE_A2, null, callback);
        Map<String, Object> flat = CapturePageBrowserTest.session(flows, once, EvalFiles.LIVE_A2, null, callback);
        Map<String, Object> wrongMoves = CapturePageBrowserTest.session(flows, flows.workflow(ACTIVE_WORKFLOW.formatted(2, 2)),
                EvalFiles.LIVE_A2, null, callback);

        Path resultFile = WORK.resolve("challenge-result.json");
        Files.deleteIfExists(resultFile);
        Map<String, Object> config = new HashMap<>();
        config.put("chromium", chromium.toString());
        config.put("outDir", TARGET.resolve("screenshots").toAbsolutePath().toString());
        config.put("resultFile", resultFile.toAbsolutePath().toString());
        config.put("challenges", List.of(
                Map.of("name", "head", "url", head.get("url"), "video", headVideo.toAbsolutePath().toString(), "keyboard", true),
                Map.of("name", "flat", "url", flat.get("url"), "video", flatVideo.toAbsolutePath().toString()),
                Map.of("name", "wrong", "url", wrongMoves.get("url"), "video", wrongVideo.toAbsolutePath().toString(),
                        "screenshots", true)));
        Path configFile = WORK.resolve("challenge-config.json");
        JSON.writeValue(configFile.toFile(), config);

        script.run(configFile);
        JsonNode result = JSON.readTree(resultFile.toFile());
        JsonNode scenarios = result.get("scenarios");
        for (String name : List.of("head", "flat", "wrong")) {
            assertNull(scenarios.get(name).get("error"), () -> name + ": " + scenarios.get(name).get("error").asText());
            assertEquals(0, result.get("consoleErrors").get(name).size(), () -> name + " console: " + result.get("consoleErrors").get(name));
        }
        assertEquals(0, result.get("foreignRequests").size(), () -> "requests left the machine: " + result.get("foreignRequests"));

        JsonNode genuine = scenarios.get("head");
        assertTrue(genuine.get("consentSteps").asText().contains("Move your head as we ask"), genuine.get("consentSteps").asText());
        assertEquals("Turn your head to your left\nLook up", genuine.get("moves").asText().replaceAll("[←↑→↓]\\s*", "").strip());
        assertEquals(List.of("screen-title", "challenge-start"),
                List.of(genuine.get("focusOrder").get(0).asText(), genuine.get("focusOrder").get(1).asText()));
        assertEquals("ref=active&verificationSessionId=" + head.get("session_id") + "&status=Approved",
                URI.create(genuine.get("finalUrl").asText()).getQuery());
        flows.decision((String) head.get("session_id")).statusCode(200)
                .body("status", equalTo("Approved"))
                .body("liveness_checks[0].method", equalTo("ACTIVE_3D"))
                .body("liveness_checks[0].status", equalTo("Approved"));
        CapturePageBrowserTest.capturedImagesAreServed(flows, (String) head.get("session_id"));
        given().get(flows.decision((String) head.get("session_id")).extract().<String>path("liveness_checks[0].video_url"))
                .then().statusCode(200).contentType("video/x-motion-jpeg");

        assertTrue(scenarios.get("flat").get("finalUrl").asText().endsWith("&status=Declined"), scenarios.get("flat").get("finalUrl").asText());
        flows.decision((String) flat.get("session_id")).statusCode(200)
                .body("status", equalTo("Declined"))
                .body("liveness_checks[0].warnings.risk", hasItem("LIVENESS_FACE_ATTACK"));

        JsonNode failed = scenarios.get("wrong");
        assertEquals("retry", failed.get("after").asText());
        assertTrue(failed.get("reasons").asText().contains("could not see the moves"), failed.get("reasons").asText());
        assertTrue(failed.get("body").asText().contains("Attempts left: 1"), failed.get("body").asText());
        // only LOW_LIVENESS_SCORE reads "could not see the moves"; the attempt was spent and another is open
        given().get("/capture/v1/" + wrongMoves.get("session_token")).then().statusCode(200)
                .body("steps[0].attempts_used", equalTo(1))
                .body("next_step", equalTo("challenge"));
        assertEquals("Turn your head to your left", failed.get("movePrompt").asText().replaceAll("[←↑→↓●]\\s*", "").strip());

        for (JsonNode shot : result.get("screenshots")) {
            assertTrue(Files.size(Path.of(shot.asText())) > 1000, shot.asText());
        }
        assertEquals(6, result.get("screenshots").size());
    }

    private FaceMesh mesh(BufferedImage image) {
        var djl = ImageFactory.getInstance().fromImage(image);
        DetectedFace face = models.detector().detect(djl).stream().max(Comparator.comparingDouble(DetectedFace::area)).orElseThrow();
        return models.landmarks().refine(djl, models.landmarks().locate(djl, face));
    }
}
