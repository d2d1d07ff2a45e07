package dev.likeness.session;

import dev.likeness.EvalFiles;
import dev.likeness.NeedsSharedData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The main flow end to end on real photos: create, capture, decide. */
@QuarkusTest
@NeedsSharedData
class SessionLifecycleTest {

    @Inject
    EntityManager entityManager;

    private static String publicUrl() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("likeness.public.url", String.class);
    }

    @Test
    void samePersonIsApprovedAboveSeventy() {
        SessionFlows flows = new SessionFlows("same-person");
        String workflow = flows.defaultWorkflow();
        var created = flows.create(workflow, "user-1", SessionFlows.portrait(EvalFiles.LIVE_A1)).statusCode(201)
                .body("status", equalTo("Not Started"))
                .body("session_kind", equalTo("user"))
                .body("workflow_id", equalTo(workflow))
                .body("workflow_version", equalTo(1))
                .body("vendor_data", equalTo("user-1"))
                .body("session_number", greaterThan(0))
                .body("url", startsWith(publicUrl() + "/session/"))
                .extract();
        String sessionId = created.path("session_id");
        String token = created.path("session_token");
        flows.decision(sessionId).statusCode(200).body("status", equalTo("Not Started"))
                .body("liveness_checks", nullValue()).body("face_matches", nullValue());

        SessionFlows.start(token).statusCode(200).body("status", equalTo("In Progress")).body("next_step", equalTo("selfie"));
        SessionFlows.selfie(token, EvalFiles.LIVE_A2).statusCode(200)
                .body("last_attempt.outcome", equalTo("accepted"))
                .body("next_step", equalTo("done"))
                .body("status", equalTo("Approved"));

        flows.decision(sessionId).statusCode(200)
                .body("session_id", equalTo(sessionId))
                .body("status", equalTo("Approved"))
                .body("features", contains("LIVENESS", "FACE_MATCH"))
                .body("environment", equalTo("sandbox"))
                .body("liveness_checks", hasSize(1))
                .body("liveness_checks[0].node_id", equalTo("feature_liveness_1"))
                .body("liveness_checks[0].status", equalTo("Approved"))
                .body("liveness_checks[0].method", equalTo("PASSIVE"))
                .body("liveness_checks[0].score", greaterThan(70f))
                .body("liveness_checks[0].reference_image", startsWith(publicUrl() + "/media/"))
                .body("liveness_checks[0].video_url", nullValue())
                .body("face_matches", hasSize(1))
                .body("face_matches[0].node_id", equalTo("feature_face_match_1"))
                .body("face_matches[0].status", equalTo("Approved"))
                .body("face_matches[0].score", greaterThan(70f))
                .body("face_matches[0].source_image_session_id", equalTo(sessionId))
                .body("face_matches[0].source_image", notNullValue())
                .body("face_matches[0].target_image", notNullValue())
                .body("id_verifications", nullValue())
                .body("reviews", hasSize(0))
                .body("created_at", matchesPattern(".*\\+00:00"))
                .body("expires_at", notNullValue());

        String selfieLink = flows.decision(sessionId).extract().path("liveness_checks[0].reference_image");
        given().get(selfieLink).then().statusCode(200).contentType("image/jpeg");
        given().get(selfieLink.replace("signature=", "signature=x")).then().statusCode(403);
    }

    @Test
    void differentPersonGetsThreeAttemptsThenIsDeclined() {
        SessionFlows flows = new SessionFlows("different-person");
        String[] session = flows.open(flows.defaultWorkflow(), "user-2", SessionFlows.portrait(EvalFiles.LIVE_B1));
        SessionFlows.start(session[1]).statusCode(200);
        for (int attempt = 1; attempt <= 2; attempt++) {
            SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(200)
                    .body("last_attempt.outcome", equalTo("retry"))
                    .body("last_attempt.reasons", hasItem("LOW_FACE_MATCH_SIMILARITY"))
                    .body("last_attempt.attempts_remaining", equalTo(3 - attempt))
                    .body("status", equalTo("In Progress"));
            flows.decision(session[0]).body("face_matches[0].status", equalTo("Not Finished"));
        }
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A3).statusCode(200)
                .body("last_attempt.outcome", equalTo("final"))
                .body("status", equalTo("Declined"));
        flows.decision(session[0]).statusCode(200)
                .body("status", equalTo("Declined"))
                .body("face_matches[0].status", equalTo("Declined"))
                .body("face_matches[0].score", lessThanOrEqualTo(50f))
                .body("face_matches[0].warnings.risk", hasItem("LOW_FACE_MATCH_SIMILARITY"))
                .body("face_matches[0].warnings.find { it.risk == 'LOW_FACE_MATCH_SIMILARITY' }.log_type", equalTo("error"))
                .body("face_matches[0].warnings[0].node_id", equalTo("feature_face_match_1"));
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(409);
    }

    @Test
    void borderlineSimilarityGoesToReviewAndAReviewerApproves() {
        SessionFlows flows = new SessionFlows("borderline");
        String workflow = flows.workflow("""
                {"workflow_type": "biometric_authentication", "features": [{"feature": "LIVENESS"},
                 {"feature": "FACE_MATCH", "config": {"face_match_score_review_threshold": 99.99, "face_match_score_decline_threshold": 10}}]}
                """);
        String[] session = flows.open(workflow, "user-3", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]);
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(200)
                .body("last_attempt.outcome", equalTo("accepted"))
                .body("status", equalTo("In Review"));
        flows.decision(session[0]).body("status", equalTo("In Review"))
                .body("face_matches[0].status", equalTo("In Review"))
                .body("face_matches[0].warnings[0].risk", equalTo("LOW_FACE_MATCH_SIMILARITY"))
                .body("face_matches[0].warnings[0].log_type", equalTo("warning"));

        flows.api().body("{\"new_status\": \"Approved\", \"comment\": \"Checked by hand\"}")
                .patch("/v3/session/" + session[0] + "/update-status/")
                .then().statusCode(200).body("session_id", equalTo(session[0]));
        flows.decision(session[0]).body("status", equalTo("Approved"))
                .body("reviews", hasSize(1))
                .body("reviews[0].old_status", equalTo("In Review"))
                .body("reviews[0].new_status", equalTo("Approved"))
                .body("reviews[0].note", equalTo("Checked by hand"));
        flows.api().get("/v3/sessions/" + session[0] + "/reviews/").then().statusCode(200)
                .body("count", equalTo(1)).body("results[0].action", equalTo("status_change"));
    }

    @Test
    void aPrintedPhotoSelfieFailsLiveness() {
        SessionFlows flows = new SessionFlows("spoof");
        String workflow = flows.workflow("""
                {"workflow_type": "biometric_authentication", "features": [
                 {"feature": "LIVENESS", "config": {"face_liveness_max_attempts": 1}}, {"feature": "FACE_MATCH"}]}
                """);
        String[] session = flows.open(workflow, "user-4", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]);
        SessionFlows.selfie(session[1], EvalFiles.PRINT_A1).statusCode(200)
                .body("last_attempt.outcome", equalTo("final"))
                .body("status", equalTo("Declined"));
        flows.decision(session[0])
                .body("status", equalTo("Declined"))
                .body("liveness_checks[0].status", equalTo("Declined"))
                .body("liveness_checks[0].score", lessThanOrEqualTo(50f))
                .body("liveness_checks[0].warnings.risk", hasItem(org.hamcrest.Matchers.oneOf("LIVENESS_FACE_ATTACK", "LOW_LIVENESS_SCORE")));
    }

    @Test
    void storedFaceOfAnApprovedSessionIsReused() {
        SessionFlows flows = new SessionFlows("stored-face");
        String workflow = flows.defaultWorkflow();
        flows.create(workflow, "returning-user", null).statusCode(400)
                .body("portrait_image", equalTo("No stored face image was found for this user. Send a portrait_image, or "
                        + "complete an approved verification with face liveness or an ID document for this vendor_data first."));

        String[] first = flows.open(workflow, "returning-user", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(first[1]);
        SessionFlows.selfie(first[1], EvalFiles.LIVE_A2).body("status", equalTo("Approved"));

        String[] second = flows.open(workflow, "returning-user", null);
        SessionFlows.start(second[1]);
        SessionFlows.selfie(second[1], EvalFiles.LIVE_A3).statusCode(200);
        // The face came from the first session: that is the session the decision names.
        flows.decision(second[0])
                .body("face_matches[0].source_image_session_id", equalTo(first[0]))
                .body("face_matches[0].score", greaterThan(50f))
                .body("face_matches[0].source_image", notNullValue());
    }

    /**
     * After an operator changes the model pack, a stored face described by the old recogniser is
     * described again from its stored image when next needed, never compared across versions.
     */
    @Test
    void aStoredFaceOfAnotherModelPackIsReDescribedFromItsImage() {
        SessionFlows flows = new SessionFlows("pack-change");
        String workflow = flows.defaultWorkflow();
        String[] first = flows.open(workflow, "pack-change-user", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(first[1]);
        SessionFlows.selfie(first[1], EvalFiles.LIVE_A2).body("status", equalTo("Approved"));
        assertTrue(markedAsOlderPack("pack-change-user") > 0, "the user has stored faces");

        String[] second = flows.open(workflow, "pack-change-user", null);
        SessionFlows.start(second[1]);
        SessionFlows.selfie(second[1], EvalFiles.LIVE_A3).statusCode(200);
        flows.decision(second[0])
                .body("face_matches[0].source_image_session_id", equalTo(first[0]))
                .body("face_matches[0].score", greaterThan(50f));
        assertEquals(0L, entityManager.createQuery("select count(f) from StoredFace f where f.vendorData = :v "
                        + "and f.source = 'liveness' and f.sessionId = :s and f.modelVersion <> 'face-match-v3.2'", Long.class)
                .setParameter("v", "pack-change-user").setParameter("s", UUID.fromString(first[0])).getSingleResult(),
                "the reused face now carries the current pack's descriptor");
    }

    @Transactional
    int markedAsOlderPack(String vendorData) {
        return entityManager.createQuery("update StoredFace f set f.modelVersion = 'face-match-v2' where f.vendorData = :v")
                .setParameter("v", vendorData).executeUpdate();
    }

    @Test
    void aFacelessSelfieWithAPortraitIsNotComputedRatherThanMissingItsReference() throws Exception {
        SessionFlows flows = new SessionFlows("faceless");
        String workflow = flows.workflow("""
                {"workflow_type": "biometric_authentication", "features": [
                 {"feature": "LIVENESS", "config": {"face_liveness_max_attempts": 1}},
                 {"feature": "FACE_MATCH", "config": {"face_match_max_attempts": 1, "face_match_not_computed_action": "REVIEW"}}]}
                """);
        String[] session = flows.open(workflow, "user-faceless", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]);
        SessionFlows.upload(session[1], "selfie", texture()).statusCode(200);
        flows.decision(session[0])
                .body("face_matches[0].score", nullValue())
                .body("face_matches[0].status", equalTo("In Review"))
                .body("face_matches[0].source_image", notNullValue())
                .body("face_matches[0].warnings.risk", contains("FACE_MATCH_NOT_COMPUTED"))
                .body("face_matches[0].warnings[0].log_type", equalTo("warning"))
                .body("liveness_checks[0].warnings.risk", hasItem("NO_FACE_DETECTED"));
    }

    /** A photo-sized image with detail everywhere and no face in it. */
    private static byte[] texture() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(11);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = 60 + random.nextInt(120);
                image.setRGB(x, y, (v << 16) | ((v / 2 + 40) << 8) | (255 - v));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void sandboxKeysGiveSandboxDecisions() {
        // The bootstrap application of the test profile has an sk_test_ key and no environment setting.
        var api = given().header("x-api-key", dev.likeness.TestTenants.BOOTSTRAP_KEY)
                .contentType(io.restassured.http.ContentType.JSON);
        String workflow = api.get("/v3/workflows/").then().statusCode(200).extract().path("results[0].uuid");
        String session = given().header("x-api-key", dev.likeness.TestTenants.BOOTSTRAP_KEY)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("workflow_id", workflow, "vendor_data", "sandbox-user",
                        "portrait_image", SessionFlows.portrait(EvalFiles.LIVE_A1)))
                .post("/v3/session/").then().statusCode(201).extract().path("session_id");
        given().header("x-api-key", dev.likeness.TestTenants.BOOTSTRAP_KEY)
                .get("/v3/session/" + session + "/decision/").then().statusCode(200)
                .body("environment", equalTo("sandbox"));
    }

    @Test
    void unfinishedSessionOfTheSameUserIsReused() {
        SessionFlows flows = new SessionFlows("reuse");
        String workflow = flows.defaultWorkflow();
        String portrait = SessionFlows.portrait(EvalFiles.LIVE_A1);
        String first = flows.open(workflow, "same-vendor", portrait)[0];
        flows.api().body("{\"workflow_id\": \"" + workflow + "\", \"vendor_data\": \"same-vendor\", \"metadata\": {\"try\": 2}}")
                .post("/v3/session/").then().statusCode(201)
                .body("session_id", equalTo(first))
                .body("metadata.try", equalTo(2));
    }
}
