package dev.likeness.users;

import dev.likeness.EvalFiles;
import dev.likeness.NeedsSharedData;
import dev.likeness.media.BadImages;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Faces imported into a user's profile: searchable as imported faces, a reference for returning users. */
@QuarkusTest
@NeedsSharedData
class ProfileFacesApiTest {

    private static String image(String evalPath) {
        return Base64.getEncoder().encodeToString(EvalFiles.bytes(evalPath));
    }

    @Test
    void anImportedFaceIsFoundBySearchAndServesAsTheReturningUsersReference() {
        SessionFlows flows = new SessionFlows("profile-faces");
        flows.api().body(Map.of("vendor_data", "alice")).post("/v3/users/create/").then().statusCode(201);
        String face = flows.api().body(Map.of("image", image(EvalFiles.POWELL_1))).post("/v3/users/alice/faces/")
                .then().statusCode(201).body("image_url", startsWith("http")).extract().path("uuid");
        flows.api().get("/v3/users/ALICE/faces/").then().statusCode(200)
                .body("count", equalTo(1)).body("results[0].uuid", equalTo(face));

        given().header("x-api-key", flows.tenant().apiKey())
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.POWELL_2), "image/jpeg")
                .multiPart("save_api_request", "false")
                .post("/v3/face-search/").then().statusCode(200)
                .body("face_search.matches.source", hasItem("imported"))
                .body("face_search.matches[0].vendor_data", equalTo("alice"))
                .body("face_search.matches[0].vendor_user_id", notNullValue());

        // A biometric_authentication session without a portrait falls back to the imported face.
        String[] session = flows.open(flows.defaultWorkflow(), "alice", null);
        SessionFlows.start(session[1]).statusCode(200);
        SessionFlows.selfie(session[1], EvalFiles.POWELL_2).statusCode(200);
        flows.decision(session[0]).statusCode(200).body("face_matches[0].status", equalTo("Approved"));

        flows.api().delete("/v3/users/alice/faces/" + face + "/").then().statusCode(204);
        flows.api().delete("/v3/users/alice/faces/" + face + "/").then().statusCode(404);
        flows.api().get("/v3/users/alice/faces/").then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void badUploadsAreRefusedAndNothingIsStored() {
        SessionFlows flows = new SessionFlows("profile-faces-bad");
        flows.api().body(Map.of("image", image(EvalFiles.POWELL_1))).post("/v3/users/nobody/faces/")
                .then().statusCode(404);
        flows.api().body(Map.of("vendor_data", "bob")).post("/v3/users/create/").then().statusCode(201);
        flows.api().body(Map.of("image", Base64.getEncoder().encodeToString(BadImages.noFace())))
                .post("/v3/users/bob/faces/").then().statusCode(400).body("image", notNullValue());
        flows.api().body(Map.of("image", "not base64!")).post("/v3/users/bob/faces/")
                .then().statusCode(400).body("image", notNullValue());
        flows.api().body("{}").post("/v3/users/bob/faces/").then().statusCode(400).body("image", notNullValue());
        for (int i = 0; i < 5; i++) {
            flows.api().body(Map.of("image", image(EvalFiles.POWELL_1))).post("/v3/users/bob/faces/").then().statusCode(201);
        }
        flows.api().body(Map.of("image", image(EvalFiles.POWELL_1))).post("/v3/users/bob/faces/")
                .then().statusCode(400).body("image", startsWith("A user holds at most 5"));
        flows.api().get("/v3/users/bob/faces/").then().statusCode(200).body("count", equalTo(5));
        flows.api().delete("/v3/users/bob/faces/" + UUID.randomUUID() + "/").then().statusCode(404);

        // Another application sees neither the user nor its faces.
        SessionFlows other = new SessionFlows("profile-faces-other");
        other.api().get("/v3/users/bob/faces/").then().statusCode(404);
    }
}
