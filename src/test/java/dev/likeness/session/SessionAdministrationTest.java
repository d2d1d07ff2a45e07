package dev.likeness.session;

import dev.likeness.NeedsSharedData;
import dev.likeness.EvalFiles;
import dev.likeness.media.BadImages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Reviewer rules, deletion, tenancy, expiry and refusals of bad input. */
@QuarkusTest
@NeedsSharedData
class SessionAdministrationTest {

    @Inject
    SessionExpiry expiry;

    @Inject
    EntityManager entityManager;

    private static String approvedSession(SessionFlows flows, String vendor) {
        String[] session = flows.open(flows.defaultWorkflow(), vendor, SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]);
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).body("status", equalTo("Approved"));
        return session[0];
    }

    @Test
    void updateStatusFollowsDiditsRules() {
        SessionFlows flows = new SessionFlows("update-status");
        String notStarted = flows.open(flows.defaultWorkflow(), null, SessionFlows.portrait(EvalFiles.LIVE_A1))[0];
        // The current status is checked before the body.
        flows.api().body("{\"new_status\": \"Nonsense\"}").patch("/v3/session/" + notStarted + "/update-status/")
                .then().statusCode(400).body("code", equalTo("wrong_current_status"));

        String approved = approvedSession(flows, "u-1");
        flows.api().body("{\"new_status\": \"In Review\"}").patch("/v3/session/" + approved + "/update-status/")
                .then().statusCode(400).body("new_status", notNullValue());
        flows.api().body("{}").patch("/v3/session/" + approved + "/update-status/")
                .then().statusCode(400).body("new_status", equalTo("This field is required."));
        flows.api().body("{\"new_status\": \"Approved\"}").patch("/v3/session/" + approved + "/update-status/")
                .then().statusCode(200);
        flows.api().get("/v3/sessions/" + approved + "/reviews/").then().body("count", equalTo(0));
        flows.api().body("{\"new_status\": \"Declined\", \"send_email\": true}").patch("/v3/session/" + approved + "/update-status/")
                .then().statusCode(400).body("email_address", notNullValue());
        flows.api().body("{\"new_status\": \"Declined\", \"comment\": \"fraud ring\"}")
                .patch("/v3/session/" + approved + "/update-status/").then().statusCode(200);
        flows.decision(approved).body("status", equalTo("Declined"));

        // Every step passed, so nothing qualifies for resubmission unless it is named.
        flows.api().body("{\"new_status\": \"Resubmitted\"}").patch("/v3/session/" + approved + "/update-status/")
                .then().statusCode(400).body("nodes_to_resubmit", notNullValue());
        flows.api().body("""
                {"new_status": "Resubmitted", "nodes_to_resubmit": [{"node_id": "feature_liveness_1", "feature": "LIVENESS"},
                 {"node_id": "feature_face_match_1", "feature": "FACE_MATCH"}]}
                """).patch("/v3/session/" + approved + "/update-status/").then().statusCode(200);
        flows.decision(approved).body("status", equalTo("Resubmitted")).body("liveness_checks", nullValue())
                .body("face_matches", nullValue());
        flows.api().body("{\"new_status\": \"Resubmitted\"}").patch("/v3/session/" + approved + "/update-status/")
                .then().statusCode(400).body("detail", equalTo("The new status is the same as the current status."));
    }

    @Test
    void reviewsRecordNotesAndDecisions() {
        SessionFlows flows = new SessionFlows("reviews");
        String session = approvedSession(flows, "u-2");
        flows.api().body("{\"new_status\": \"In Review\", \"comment\": \"looking\"}")
                .post("/v3/sessions/" + session + "/reviews/").then().statusCode(201).body("action", equalTo("note"));
        flows.decision(session).body("status", equalTo("Approved"));
        flows.api().body("{\"new_status\": \"Declined\"}").post("/v3/sessions/" + session + "/reviews/")
                .then().statusCode(201).body("new_status", equalTo("Declined"));
        flows.decision(session).body("status", equalTo("Declined")).body("reviews", hasSize(2));
        flows.api().body("{\"new_status\": \"Resubmitted\"}").post("/v3/sessions/" + session + "/reviews/")
                .then().statusCode(400).body("new_status", notNullValue());
    }

    @Test
    void deletingRemovesDecisionAndMediaAtOnce() {
        SessionFlows flows = new SessionFlows("delete");
        String session = approvedSession(flows, "u-3");
        String link = flows.decision(session).extract().path("face_matches[0].target_image");
        given().get(link).then().statusCode(200);

        flows.api().delete("/v3/session/" + session + "/delete/").then().statusCode(204);
        flows.decision(session).statusCode(404);
        given().get(link).then().statusCode(403);
        flows.api().delete("/v3/session/" + session + "/delete/").then().statusCode(404);
        flows.api().get("/v3/sessions/").then().body("count", equalTo(0));

        String a = approvedSession(flows, "u-4");
        long number = flows.decision(a).extract().jsonPath().getLong("session_number");
        // Didit documents an empty body: 204, as for one session, so clients never parse "" as JSON.
        flows.api().body("{\"session_numbers\": [\"" + number + "\"]}").post("/v3/sessions/delete/")
                .then().statusCode(204).body(equalTo(""));
        flows.decision(a).statusCode(404);
        String b = approvedSession(flows, "u-4b");
        flows.api().body("{\"delete_all\": true}").post("/v3/sessions/delete/").then().statusCode(204).body(equalTo(""));
        flows.decision(b).statusCode(404);
        flows.api().body("{\"session_numbers\": []}").post("/v3/sessions/delete/").then().statusCode(400);
        flows.api().body("{\"session_numbers\": [\"12a\"]}").post("/v3/sessions/delete/").then().statusCode(400);
    }

    @Test
    void anotherApplicationsSessionIsNotFound() {
        SessionFlows owner = new SessionFlows("owner");
        SessionFlows stranger = new SessionFlows("stranger");
        String session = approvedSession(owner, "u-5");
        stranger.decision(session).statusCode(404);
        stranger.api().delete("/v3/session/" + session + "/delete/").then().statusCode(404);
        stranger.api().body("{\"new_status\": \"Declined\"}").patch("/v3/session/" + session + "/update-status/")
                .then().statusCode(404);
        stranger.api().get("/v3/sessions/" + session + "/reviews/").then().statusCode(404);
        stranger.api().body("{\"workflow_id\": \"" + owner.defaultWorkflow() + "\"}").post("/v3/session/")
                .then().statusCode(404);
        owner.decision(session).statusCode(200).body("status", equalTo("Approved"));
    }

    @Test
    void listingFiltersAndPages() {
        SessionFlows flows = new SessionFlows("listing");
        String workflow = flows.defaultWorkflow();
        for (int i = 0; i < 3; i++) {
            flows.open(workflow, "lister-" + i, SessionFlows.portrait(EvalFiles.LIVE_A1));
        }
        flows.api().get("/v3/sessions/?limit=2").then().statusCode(200)
                .body("count", equalTo(3)).body("results", hasSize(2)).body("next", notNullValue())
                .body("previous", nullValue())
                .body("results[0].vendor_data", equalTo("lister-2"))
                .body("results[0].features[0].feature", equalTo("LIVENESS"))
                .body("results[0].features[0].status", equalTo("Not Finished"));
        flows.api().get("/v3/sessions/?vendor_data=lister-1").then().body("count", equalTo(1));
        flows.api().get("/v3/sessions/?status=NOT_STARTED").then().body("count", equalTo(3));
        flows.api().get("/v3/sessions/?status=Approved").then().body("count", equalTo(0));
        flows.api().get("/v3/sessions/?search=LISTER").then().body("count", equalTo(3));
        flows.api().get("/v3/sessions/?status=Weird").then().statusCode(400).body("status", notNullValue());
    }

    @Test
    void expiryClosesOverdueSessions() {
        SessionFlows flows = new SessionFlows("expiry");
        String workflow = flows.defaultWorkflow();
        String[] untouched = flows.open(workflow, null, SessionFlows.portrait(EvalFiles.LIVE_A1));
        String[] started = flows.open(workflow, null, SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(started[1]);
        backdate(UUID.fromString(untouched[0]));
        backdate(UUID.fromString(started[0]));
        expiry.expireDue();
        flows.decision(untouched[0]).body("status", equalTo("Expired"));
        flows.decision(started[0]).body("status", equalTo("Abandoned"));
        SessionFlows.start(untouched[1]).statusCode(409);
        given().get("/capture/v1/" + untouched[1]).then().statusCode(200).body("next_step", equalTo("done"));
    }

    @Transactional
    void backdate(UUID sessionId) {
        entityManager.createQuery("update VerificationSession s set s.expiresAt = s.createdAt where s.id = :id")
                .setParameter("id", sessionId).executeUpdate();
    }

    @Test
    void badPortraitsAreRefusedAndNothingIsStored() {
        SessionFlows flows = new SessionFlows("bad-portraits");
        String workflow = flows.defaultWorkflow();
        String noFace = Base64.getEncoder().encodeToString(BadImages.noFace());
        String truncated = Base64.getEncoder().encodeToString(BadImages.truncated(EvalFiles.bytes(EvalFiles.LIVE_A1)));
        String notImage = Base64.getEncoder().encodeToString("just text".getBytes());
        String tooLarge = "A".repeat(2 * 1024 * 1024 + 4);
        for (String portrait : new String[] {"%%%not-base64%%%", noFace, truncated, notImage, tooLarge}) {
            flows.create(workflow, "bad", portrait).statusCode(400).body("portrait_image", notNullValue());
        }
        flows.create(workflow, null, null).statusCode(400).body("portrait_image", notNullValue());
        flows.api().body("{}").post("/v3/session/").then().statusCode(400).body("workflow_id", equalTo("This field is required."));
        flows.api().body("{\"workflow_id\": \"nope\"}").post("/v3/session/").then().statusCode(400).body("workflow_id", notNullValue());
        flows.api().body("{\"workflow_id\": \"" + workflow + "\", \"callback\": \"ftp://x\", \"portrait_image\": \"" + noFace + "\"}")
                .post("/v3/session/").then().statusCode(400).body("callback", notNullValue());
        flows.api().get("/v3/sessions/").then().body("count", equalTo(0));
    }

    @Test
    void badCapturesAreRefusedAndNothingIsStored() {
        SessionFlows flows = new SessionFlows("bad-captures");
        String[] session = flows.open(flows.defaultWorkflow(), null, SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(409); // not started yet
        SessionFlows.start(session[1]).statusCode(200);
        given().post("/capture/v1/" + session[1] + "/selfie").then().statusCode(415);
        given().multiPart("other", "x").post("/capture/v1/" + session[1] + "/selfie").then().statusCode(400)
                .body("image", equalTo("No file was submitted."));
        SessionFlows.upload(session[1], "selfie", new byte[0]).statusCode(400).body("image", notNullValue());
        SessionFlows.upload(session[1], "selfie", "text".getBytes()).statusCode(400).body("image", notNullValue());
        SessionFlows.upload(session[1], "selfie", BadImages.decompressionBomb()).statusCode(400).body("image", notNullValue());
        SessionFlows.upload(session[1], "selfie", BadImages.oversized()).statusCode(400).body("image", notNullValue());
        SessionFlows.upload(session[1], "selfie", BadImages.truncated(EvalFiles.bytes(EvalFiles.LIVE_A2)))
                .statusCode(400).body("image", notNullValue());
        SessionFlows.upload(session[1], "document", EvalFiles.bytes(EvalFiles.LIVE_A2)).statusCode(409);
        flows.decision(session[0]).body("liveness_checks", nullValue()).body("face_matches", nullValue());
        given().get("/capture/v1/unknown-token-123/").then().statusCode(404);
        given().post("/capture/v1/" + session[1] + "x/start").then().statusCode(404);
    }
}
