package dev.likeness.capture;

import dev.likeness.NeedsSharedData;
import ai.djl.modality.cv.ImageFactory;
import dev.likeness.EvalFiles;
import dev.likeness.face.DetectedFace;
import dev.likeness.face.FaceModels;
import dev.likeness.face.landmarks.FaceMesh;
import dev.likeness.liveness.active.ChallengeFrames;
import dev.likeness.liveness.active.HeadMove;
import dev.likeness.media.ImageDecoder;
import dev.likeness.session.SessionFlows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Active liveness through the capture API, on bursts built at test time from an evaluation photo:
 * a rendered head doing (or not doing) the moves asked, and the flat photo moved through them.
 */
@QuarkusTest
@NeedsSharedData
class ActiveLivenessApiTest {

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
    void aTurningHeadPassesAndLeavesAFrameSet() throws Exception {
        SessionFlows flows = new SessionFlows("active-genuine");
        String[] session = flows.open(flows.workflow(ACTIVE_WORKFLOW.formatted(1, 1)), "active-1",
                SessionFlows.portrait(EvalFiles.LIVE_A2));
        SessionFlows.start(session[1]).statusCode(200).body("next_step", equalTo("challenge"))
                .body("liveness_method", equalTo("ACTIVE_3D"));
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A1).statusCode(409).body("code", equalTo("active_liveness_required"));

        var challenge = challenge(session[1]);
        List<HeadMove> moves = moves(challenge);
        frames(session[1], challenge, ChallengeFrames.head(photo(), mesh(photo()), moves)).statusCode(200)
                .body("last_attempt.step", equalTo("challenge"))
                .body("last_attempt.outcome", equalTo("accepted"))
                .body("status", equalTo("Approved"))
                .body("next_step", equalTo("done"));
        flows.decision(session[0]).statusCode(200)
                .body("liveness_checks[0].method", equalTo("ACTIVE_3D"))
                .body("liveness_checks[0].status", equalTo("Approved"))
                .body("liveness_checks[0].score", greaterThan(70f))
                .body("liveness_checks[0].reference_image", startsWith("http://localhost:"))
                .body("liveness_checks[0].video_url", startsWith("http://localhost:"))
                .body("face_matches[0].status", equalTo("Approved"));
        String video = flows.decision(session[0]).extract().path("liveness_checks[0].video_url");
        given().get(video).then().statusCode(200).contentType("video/x-motion-jpeg");
        // the used challenge cannot be answered again
        frames(session[1], challenge, ChallengeFrames.head(photo(), mesh(photo()), moves)).statusCode(409);
    }

    @Test
    void aPrintOrScreenMovedThroughTheMovesIsAnAttack() throws Exception {
        for (boolean screen : new boolean[] {false, true}) {
            SessionFlows flows = new SessionFlows("active-flat-" + screen);
            String[] session = flows.open(flows.workflow(ACTIVE_WORKFLOW.formatted(1, 1)), "active-2",
                    SessionFlows.portrait(EvalFiles.LIVE_A2));
            SessionFlows.start(session[1]).statusCode(200);
            var challenge = challenge(session[1]);
            frames(session[1], challenge, ChallengeFrames.flat(photo(), screen, moves(challenge))).statusCode(200)
                    .body("last_attempt.outcome", equalTo("final"))
                    .body("last_attempt.reasons", hasItem("LIVENESS_FACE_ATTACK"))
                    .body("status", equalTo("Declined"));
            flows.decision(session[0])
                    .body("liveness_checks[0].status", equalTo("Declined"))
                    .body("liveness_checks[0].score", lessThanOrEqualTo(10f))
                    .body("liveness_checks[0].warnings.risk", hasItem("LIVENESS_FACE_ATTACK"));
        }
    }

    @Test
    void wrongOrderThenWrongDirectionFails() throws Exception {
        SessionFlows flows = new SessionFlows("active-wrong");
        String[] session = flows.open(flows.workflow(ACTIVE_WORKFLOW.formatted(2, 2)), "active-3",
                SessionFlows.portrait(EvalFiles.LIVE_A2));
        SessionFlows.start(session[1]).statusCode(200);
        BufferedImage photo = photo();
        FaceMesh mesh = mesh(photo);

        var first = challenge(session[1]);
        List<HeadMove> reversed = new ArrayList<>(moves(first));
        Collections.reverse(reversed);
        frames(session[1], first, ChallengeFrames.head(photo, mesh, reversed)).statusCode(200)
                .body("last_attempt.outcome", equalTo("retry"))
                .body("last_attempt.reasons", hasItem("LOW_LIVENESS_SCORE"))
                .body("last_attempt.reasons", not(hasItem("LIVENESS_FACE_ATTACK")))
                .body("next_step", equalTo("challenge"));

        var second = challenge(session[1]);
        second.body("attempt", equalTo(2));
        List<HeadMove> opposite = moves(second).stream().map(ChallengeFrames::opposite).toList();
        frames(session[1], second, ChallengeFrames.head(photo, mesh, opposite)).statusCode(200)
                .body("last_attempt.outcome", equalTo("final"))
                .body("status", equalTo("Declined"));
        flows.decision(session[0]).body("liveness_checks[0].warnings.risk", hasItem("LOW_LIVENESS_SCORE"))
                .body("liveness_checks[0].score", lessThanOrEqualTo(50f));
    }

    @Test
    void staleReplacedOrExpiredChallengesAreRefused() throws Exception {
        SessionFlows flows = new SessionFlows("active-stale");
        String[] session = flows.open(flows.workflow(ACTIVE_WORKFLOW.formatted(1, 1)), "active-4",
                SessionFlows.portrait(EvalFiles.LIVE_A2));
        SessionFlows.start(session[1]).statusCode(200);
        List<byte[]> burst = ChallengeFrames.flat(photo(), false, List.of(HeadMove.TURN_LEFT));

        var replaced = challenge(session[1]);
        var current = challenge(session[1]);
        frames(session[1], replaced, burst).statusCode(404).body("code", equalTo("challenge_not_found"));
        post(session[1], current.extract().path("challenge_id"), "0".repeat(32), burst, timestamps(burst.size()))
                .statusCode(409).body("code", equalTo("challenge_nonce_mismatch"));
        UUID id = UUID.fromString(current.extract().path("challenge_id"));
        QuarkusTransaction.requiringNew().run(() ->
                ActiveChallenge.update("expiresAt = ?1 where id = ?2", OffsetDateTime.now().minusSeconds(1), id));
        frames(session[1], current, burst).statusCode(409).body("code", equalTo("challenge_expired"));
        SessionFlows.start(session[1]).body("steps[0].attempts_used", equalTo(0));
        flows.decision(session[0]).body("liveness_checks", nullValue());
    }

    @Test
    void badBurstsAre400AndStoreNothing() throws Exception {
        SessionFlows flows = new SessionFlows("active-bad");
        String[] session = flows.open(flows.workflow(ACTIVE_WORKFLOW.formatted(1, 1)), "active-5",
                SessionFlows.portrait(EvalFiles.LIVE_A2));
        SessionFlows.start(session[1]).statusCode(200);
        var challenge = challenge(session[1]);
        byte[] frame = ChallengeFrames.jpeg(photo());

        List<byte[]> notImages = Collections.nCopies(10, "not a picture".getBytes());
        frames(session[1], challenge, notImages).statusCode(400).body("frames", notNullValue());
        frames(session[1], challenge, Collections.nCopies(41, frame)).statusCode(400).body("frames", notNullValue());
        frames(session[1], challenge, Collections.nCopies(5, frame)).statusCode(400).body("frames", notNullValue());
        List<byte[]> oneTooLarge = new ArrayList<>(Collections.nCopies(9, frame));
        oneTooLarge.add(new byte[1024 * 1024 + 1]);
        frames(session[1], challenge, oneTooLarge).statusCode(400).body("frames", notNullValue());
        List<byte[]> ten = Collections.nCopies(10, frame);
        post(session[1], challenge.extract().path("challenge_id"), challenge.extract().path("nonce"), ten, "5,4,3,2,1,0,1,2,3,4")
                .statusCode(400).body("timestamps", notNullValue());
        post(session[1], challenge.extract().path("challenge_id"), challenge.extract().path("nonce"), ten,
                IntStream.range(0, 10).mapToObj(i -> Integer.toString(i * 10)).collect(Collectors.joining(",")))
                .statusCode(400).body("timestamps", notNullValue());

        SessionFlows.start(session[1]).body("steps[0].attempts_used", equalTo(0)).body("next_step", equalTo("challenge"));
        flows.decision(session[0]).body("liveness_checks", nullValue()).body("face_matches", nullValue());
    }

    private static ValidatableResponse challenge(String token) {
        return given().post("/capture/v1/" + token + "/challenge").then().statusCode(200)
                .body("steps", hasSize(2)).body("nonce", notNullValue()).body("expires_at", notNullValue())
                .body("frames.max_count", equalTo(40));
    }

    private static List<HeadMove> moves(ValidatableResponse challenge) {
        List<String> steps = challenge.extract().path("steps");
        return steps.stream().map(s -> HeadMove.ofWire(s).orElseThrow()).toList();
    }

    private static ValidatableResponse frames(String token, ValidatableResponse challenge, List<byte[]> frames) {
        return post(token, challenge.extract().path("challenge_id"), challenge.extract().path("nonce"), frames,
                timestamps(frames.size()));
    }

    private static String timestamps(int count) {
        long start = 1_700_000_000_000L;
        return IntStream.range(0, count).mapToObj(i -> Long.toString(start + 120L * i)).collect(Collectors.joining(","));
    }

    private static ValidatableResponse post(String token, String challengeId, String nonce, List<byte[]> frames, String timestamps) {
        RequestSpecification request = given().multiPart("nonce", nonce).multiPart("timestamps", timestamps);
        for (int i = 0; i < frames.size(); i++) {
            request = request.multiPart("frames", "frame" + i + ".jpg", frames.get(i), "image/jpeg");
        }
        return request.post("/capture/v1/" + token + "/challenge/" + challengeId + "/frames").then();
    }

    private BufferedImage photo() throws Exception {
        return decoder.decode(EvalFiles.bytes(EvalFiles.LIVE_A1)).image();
    }

    private FaceMesh mesh(BufferedImage image) {
        var djl = ImageFactory.getInstance().fromImage(image);
        DetectedFace face = models.detector().detect(djl).stream().max(Comparator.comparingDouble(DetectedFace::area)).orElseThrow();
        return models.landmarks().refine(djl, models.landmarks().locate(djl, face));
    }
}
