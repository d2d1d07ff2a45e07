package dev.likeness.lists;

import dev.likeness.EvalFiles;
import dev.likeness.NeedsSharedData;
import dev.likeness.TestTenants;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Face entries on real photos: uploaded images, faces copied from sessions, the older blocklist endpoints. */
@QuarkusTest
@NeedsSharedData
class ListFacesApiTest {

    @Inject
    EntityManager entityManager;

    private static RequestSpecification api(TestTenants.Tenant tenant) {
        return given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON);
    }

    private static String faceBlocklist(TestTenants.Tenant tenant) {
        return api(tenant).get("/v3/lists/?list_type=blocklist&entry_type=face").then().statusCode(200)
                .extract().path("results[0].uuid");
    }

    private long listFaces(String faceId) {
        return entityManager.createQuery("select count(f) from StoredFace f where f.id = :id and f.source = 'list_entry' "
                + "and f.sessionId is null", Long.class).setParameter("id", UUID.fromString(faceId)).getSingleResult();
    }

    private long facesOf(UUID applicationId) {
        return entityManager.createQuery("select count(f) from StoredFace f where f.applicationId = :app", Long.class)
                .setParameter("app", applicationId).getSingleResult();
    }

    @Test
    void anUploadedFaceBecomesAnEntryOwningItsFace() {
        TestTenants.Tenant tenant = TestTenants.create("lists-face-upload");
        String blocklist = faceBlocklist(tenant);
        var entry = api(tenant).body(Map.of("image", SessionFlows.portrait(EvalFiles.POWELL_1), "display_label", "Fraudster",
                        "comment", "Known fraudster"))
                .post("/v3/lists/" + blocklist + "/entries/face-upload/").then().statusCode(201)
                .body("display_label", equalTo("Fraudster"))
                .body("comment", equalTo("Known fraudster"))
                .body("added_by", equalTo("api"))
                .body("reference_session_id", nullValue())
                .body("metadata.reference_image_url", containsString("/media/"))
                .extract();
        String value = entry.path("value");
        assertEquals(value, entry.path("reference_object_uuid"));
        assertEquals(1L, listFaces(value), "the entry owns a list_entry face with no session");
        given().get(entry.<String>path("metadata.reference_image_url")).then().statusCode(200);
        api(tenant).get("/v3/lists/" + blocklist + "/").then().body("entry_count", equalTo(1))
                .body("last_entry_added_at", notNullValue());
        api(tenant).get("/v3/lists/" + blocklist + "/entries/").then().body("results[0].value", equalTo(value))
                .body("results[0].metadata.reference_image_url", containsString("/media/"));

        String allowlist = ListsApiTest.createList(tenant, "Trusted faces", "allowlist", "face");
        api(tenant).body(Map.of("image", SessionFlows.portrait(EvalFiles.LIVE_B1)))
                .post("/v3/lists/" + allowlist + "/entries/face-upload/").then().statusCode(201);

        api(tenant).delete("/v3/lists/" + blocklist + "/entries/" + entry.path("uuid") + "/").then().statusCode(204);
        api(tenant).delete("/v3/lists/" + blocklist + "/entries/" + entry.path("uuid") + "/").then().statusCode(404);
        assertEquals(0L, listFaces(value), "deleting the entry deletes its face");
        given().get(entry.<String>path("metadata.reference_image_url")).then().statusCode(greaterThan(399));

        api(tenant).delete("/v3/lists/" + allowlist + "/").then().statusCode(204);
        assertEquals(0L, facesOf(tenant.applicationId()), "deleting a list deletes its entries' faces");
    }

    @Test
    void anUploadWithoutAFaceOrToTheWrongListStoresNothing() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("lists-face-refused");
        String blocklist = faceBlocklist(tenant);
        api(tenant).body(Map.of("image", Base64.getEncoder().encodeToString(texture())))
                .post("/v3/lists/" + blocklist + "/entries/face-upload/").then().statusCode(400)
                .body("image", equalTo("No face was found in the image."));
        api(tenant).body(Map.of("image", "not base64!")).post("/v3/lists/" + blocklist + "/entries/face-upload/")
                .then().statusCode(400).body("image", containsString("Base64"));
        api(tenant).body(Map.of()).post("/v3/lists/" + blocklist + "/entries/face-upload/")
                .then().statusCode(400).body("image", equalTo("This field is required."));
        // A 2.4 MB press photo: over the 2 MB face-upload limit.
        api(tenant).body(Map.of("image", SessionFlows.portrait(EvalFiles.PERRY_1))).post("/v3/lists/" + blocklist + "/entries/face-upload/")
                .then().statusCode(400).body("image", containsString("limit"));
        String custom = ListsApiTest.createList(tenant, "Custom faces", "custom", "face");
        String emails = ListsApiTest.createList(tenant, "Emails", "allowlist", "email");
        for (String list : new String[] {custom, emails}) {
            api(tenant).body(Map.of("image", SessionFlows.portrait(EvalFiles.POWELL_1)))
                    .post("/v3/lists/" + list + "/entries/face-upload/").then().statusCode(400)
                    .body("code", equalTo("list_type_mismatch"));
        }
        api(tenant).get("/v3/lists/" + blocklist + "/").then().body("entry_count", equalTo(0));
        assertEquals(0L, facesOf(tenant.applicationId()));
    }

    @Test
    void aSessionsLivenessFaceIsCopiedSoTheEntryOutlivesTheSession() {
        SessionFlows flows = new SessionFlows("lists-session-face");
        TestTenants.Tenant tenant = flows.tenant();
        String[] session = flows.open(flows.defaultWorkflow(), "blocked-user", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]);
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(200).body("status", equalTo("Approved"));
        String blocklist = faceBlocklist(tenant);

        var entry = api(tenant).body(Map.of("reference_session_id", session[0], "comment", "chargeback"))
                .post("/v3/lists/" + blocklist + "/entries/").then().statusCode(201)
                .body("reference_session_id", equalTo(session[0]))
                .body("reference_session_number", greaterThan(0))
                .body("metadata.reference_image_url", containsString("/media/"))
                .extract();
        String faceId = entry.path("value");
        assertEquals(faceId, entry.path("reference_object_uuid"));
        assertEquals(1L, listFaces(faceId));
        assertEquals("blocked-user", entityManager.createQuery("select f.vendorData from StoredFace f where f.id = :id",
                String.class).setParameter("id", UUID.fromString(faceId)).getSingleResult());
        api(tenant).body(Map.of("reference_session_id", session[0])).post("/v3/lists/" + blocklist + "/entries/")
                .then().statusCode(400).body("reference_session_id", equalTo("This session's face is already on the list."));
        api(tenant).body(Map.of("reference_session_id", session[0], "value", UUID.randomUUID().toString()))
                .post("/v3/lists/" + ListsApiTest.createList(tenant, "Good faces", "allowlist", "face") + "/entries/")
                .then().statusCode(400).body("value", equalTo("This is not a face of the referenced session."));

        // A user list takes the session's vendor_data.
        String users = api(tenant).get("/v3/lists/?list_type=blocklist&entry_type=user").then().extract().path("results[0].uuid");
        api(tenant).body(Map.of("reference_session_id", session[0])).post("/v3/lists/" + users + "/entries/").then()
                .statusCode(201).body("value", equalTo("blocked-user")).body("reference_session_id", equalTo(session[0]));

        SessionFlows stranger = new SessionFlows("lists-session-stranger");
        String strangerList = faceBlocklist(stranger.tenant());
        api(stranger.tenant()).body(Map.of("reference_session_id", session[0])).post("/v3/lists/" + strangerList + "/entries/")
                .then().statusCode(400).body("reference_session_id", equalTo("Session not found."));

        flows.api().delete("/v3/session/" + session[0] + "/delete/").then().statusCode(204);
        api(tenant).get("/v3/lists/" + blocklist + "/entries/").then().statusCode(200)
                .body("count", equalTo(1))
                .body("results[0].value", equalTo(faceId))
                .body("results[0].reference_session_number", greaterThan(0))
                .body("results[0].metadata.reference_image_url", containsString("/media/"));
        assertEquals(1L, listFaces(faceId), "the entry's face outlives the session");
    }

    @Test
    void theOlderBlocklistEndpointsWorkOnTheSystemFaceBlocklist() {
        SessionFlows flows = new SessionFlows("lists-older-blocklist");
        TestTenants.Tenant tenant = flows.tenant();
        String[] session = flows.open(flows.defaultWorkflow(), "older-user", SessionFlows.portrait(EvalFiles.LIVE_A1));
        SessionFlows.start(session[1]);
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(200);
        String[] unfinished = flows.open(flows.defaultWorkflow(), "other-user", SessionFlows.portrait(EvalFiles.LIVE_A1));

        for (int i = 0; i < 2; i++) {
            api(tenant).body(Map.of("session_id", session[0], "blocklist_face", true, "blocklist_document", true))
                    .post("/v3/blocklist/add/").then().statusCode(200).body("message", equalTo("Successfully added to blocklist."));
        }
        api(tenant).get("/v3/blocklist/").then().statusCode(200)
                .body("count", equalTo(1)).body("results[0].reference_session_id", equalTo(session[0]));
        api(tenant).body(Map.of("session_id", unfinished[0], "blocklist_face", true)).post("/v3/blocklist/add/").then()
                .statusCode(400).body("session_id", equalTo("This session has no face to blocklist."));
        api(tenant).body(Map.of("session_id", UUID.randomUUID().toString(), "blocklist_face", true))
                .post("/v3/blocklist/add/").then().statusCode(404);
        api(tenant).body(Map.of("blocklist_face", true)).post("/v3/blocklist/add/").then().statusCode(400)
                .body("session_id", equalTo("This field is required."));
        TestTenants.Tenant stranger = TestTenants.create("lists-older-stranger");
        api(stranger).body(Map.of("session_id", session[0], "blocklist_face", true)).post("/v3/blocklist/add/").then()
                .statusCode(404);
        api(stranger).body(Map.of("session_id", session[0], "unblock_face", true)).post("/v3/blocklist/remove/").then()
                .statusCode(404);

        // A face added to the list directly is not "made from the session" and stays.
        String blocklist = faceBlocklist(tenant);
        api(tenant).body(Map.of("image", SessionFlows.portrait(EvalFiles.POWELL_1)))
                .post("/v3/lists/" + blocklist + "/entries/face-upload/").then().statusCode(201);
        api(tenant).body(Map.of("session_id", session[0], "unblock_face", true, "unblock_email", true))
                .post("/v3/blocklist/remove/").then().statusCode(200)
                .body("message", equalTo("Successfully removed from blocklist."));
        api(tenant).get("/v3/blocklist/").then().body("count", equalTo(1)).body("results[0].reference_session_id", nullValue());
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
}
