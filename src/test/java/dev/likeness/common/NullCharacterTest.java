package dev.likeness.common;

import dev.likeness.EvalFiles;
import dev.likeness.NeedsSharedData;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in a stored string must be refused as a 400
 * on the field before anything is stored (or any model runs), never reach the database as a 500.
 */
@QuarkusTest
@NeedsSharedData
class NullCharacterTest {

    private static final String REFUSED = "Null characters are not allowed.";
    private static final String PORTRAIT = SessionFlows.portrait(EvalFiles.LIVE_A1);

    @Test
    void sessionVendorDataWithNulIsRefusedAndNothingIsStored() {
        SessionFlows flows = new SessionFlows("nul-session");
        String workflow = flows.defaultWorkflow();
        flows.api().body("{\"portrait_image\": \"" + PORTRAIT + "\", \"workflow_id\": \"" + workflow + "\", \"vendor_data\": \"user\\u0000-1\"}")
                .post("/v3/session/")
                .then().statusCode(400).body("vendor_data", equalTo(REFUSED));
        flows.api().get("/v3/sessions/").then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void metadataWithNulInAValueOrAKeyIsRefused() {
        SessionFlows flows = new SessionFlows("nul-metadata");
        String workflow = flows.defaultWorkflow();
        flows.api().body("{\"portrait_image\": \"" + PORTRAIT + "\", \"workflow_id\": \"" + workflow + "\", \"metadata\": {\"a\": [\"x\\u0000\"]}}")
                .post("/v3/session/")
                .then().statusCode(400).body("metadata", equalTo(REFUSED));
        flows.api().body("{\"portrait_image\": \"" + PORTRAIT + "\", \"workflow_id\": \"" + workflow + "\", \"metadata\": {\"k\\u0000\": 1}}")
                .post("/v3/session/")
                .then().statusCode(400).body("metadata", equalTo(REFUSED));
        flows.api().get("/v3/sessions/").then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void reviewCommentWithNulIsRefused() {
        SessionFlows flows = new SessionFlows("nul-review");
        String sessionId = flows.open(flows.defaultWorkflow(), "nul-review-user", PORTRAIT)[0];
        flows.api().body("{\"new_status\": \"In Review\", \"comment\": \"looks\\u0000 fine\"}")
                .post("/v3/sessions/" + sessionId + "/reviews/")
                .then().statusCode(400).body("comment", equalTo(REFUSED));
        flows.api().get("/v3/sessions/" + sessionId + "/reviews/").then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void listFiltersWithNulAreRefused() {
        SessionFlows flows = new SessionFlows("nul-filters");
        flows.api().queryParam("vendor_data", "user\u0000").get("/v3/sessions/")
                .then().statusCode(400).body("vendor_data", equalTo(REFUSED));
        flows.api().queryParam("search", "\u0000").get("/v3/sessions/")
                .then().statusCode(400).body("search", equalTo(REFUSED));
    }

    @Test
    void standaloneFieldsWithNulAreRefusedBeforeAnyImageIsRead() {
        SessionFlows flows = new SessionFlows("nul-standalone");
        byte[] face = EvalFiles.bytes(EvalFiles.POWELL_1);
        given().header("x-api-key", flows.tenant().apiKey())
                .multiPart("user_image", "a.jpg", face, "image/jpeg")
                .multiPart("ref_image", "b.jpg", face, "image/jpeg")
                .multiPart("vendor_data", "user\u0000")
                .post("/v3/face-match/")
                .then().statusCode(400).body("vendor_data", equalTo(REFUSED))
                .body("$", org.hamcrest.Matchers.not(hasKey("user_image")));
        given().header("x-api-key", flows.tenant().apiKey())
                .multiPart("user_image", "a.jpg", face, "image/jpeg")
                .multiPart("metadata", "{\"flow\": \"lo\\u0000gin\"}")
                .post("/v3/passive-liveness/")
                .then().statusCode(400).body("metadata", equalTo(REFUSED));
        given().header("x-api-key", flows.tenant().apiKey())
                .multiPart("user_image", "a.jpg", face, "image/jpeg")
                .multiPart("vendor_data", "\u0000")
                .post("/v3/age-estimation/")
                .then().statusCode(400).body("vendor_data", equalTo(REFUSED));
        flows.api().queryParam("session_kind", "all").get("/v3/sessions/")
                .then().statusCode(200).body("count", equalTo(0));
    }
}
