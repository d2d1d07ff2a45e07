package dev.likeness.faceindex;

import dev.likeness.EvalFiles;
import dev.likeness.NeedsSharedData;
import dev.likeness.TestTenants;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/** Screening of standalone liveness calls and 1:N face search, on real photos of the evaluation set. */
@QuarkusTest
@NeedsSharedData
class FaceIndexApiTest {

    @Inject
    GalleryRows rows;
    @Inject
    dev.likeness.face.FaceMatcher matcher;
    @Inject
    StaleFaceRefresher staleFaces;
    @Inject
    FaceIndexConfig config;
    @Inject
    DataSource dataSource;

    private static JsonPath passiveLiveness(String key, String photo, String vendorData) {
        return given().header("x-api-key", key)
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(photo), "image/jpeg")
                .multiPart("vendor_data", vendorData)
                .post("/v3/passive-liveness/")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath faceSearch(String key, String photo, String searchType) {
        return given().header("x-api-key", key)
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(photo), "image/jpeg")
                .multiPart("search_type", searchType)
                .post("/v3/face-search/")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anotherUsersVerifiedFaceIsADuplicateAndTheSameUserNeverMatchesItself() {
        String key = TestTenants.create("screening").apiKey();
        JsonPath first = passiveLiveness(key, EvalFiles.LIVE_A1, "alice");
        assertThat(first.getString("liveness.status"), equalTo("Approved"));

        JsonPath again = passiveLiveness(key, EvalFiles.LIVE_A2, "ALICE ");
        assertThat(again.getString("liveness.status"), equalTo("Approved"));
        assertThat(again.getList("liveness.warnings.risk"), not(hasItem(oneOf("DUPLICATED_FACE", "POSSIBLE_DUPLICATED_FACE"))));

        JsonPath other = passiveLiveness(key, EvalFiles.LIVE_A3, "mallory");
        assertThat(other.getString("liveness.status"), equalTo("Approved"));
        List<Map<String, Object>> warnings = other.getList("liveness.warnings");
        Map<String, Object> duplicate = warnings.stream()
                .filter(w -> List.of("DUPLICATED_FACE", "POSSIBLE_DUPLICATED_FACE").contains(w.get("risk"))).findFirst().orElseThrow();
        assertThat(duplicate.get("log_type"), equalTo("information"));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) duplicate.get("additional_data");
        assertThat(data.get("duplicated_session_id"), oneOf(first.getString("request_id"), again.getString("request_id")));

        // The saved call's decision lists the match on its liveness item.
        given().header("x-api-key", key).get("/v3/session/" + other.getString("request_id") + "/decision/")
                .then().statusCode(200)
                .body("liveness_checks[0].matches.vendor_data", hasItem("alice"))
                .body("liveness_checks[0].matches[0].source", equalTo("session"))
                .body("liveness_checks[0].matches[0].match_image_url", org.hamcrest.Matchers.startsWith("http"));

        // Someone else entirely matches no one.
        JsonPath stranger = passiveLiveness(key, EvalFiles.LIVE_B1, "bob");
        assertThat(stranger.getList("liveness.warnings.risk"), not(hasItem(oneOf("DUPLICATED_FACE", "POSSIBLE_DUPLICATED_FACE"))));
    }

    @Test
    void faceSearchFindsTheSameUsersSessionsAndNeverEarlierSearches() {
        String key = TestTenants.create("search").apiKey();
        String enrolled = passiveLiveness(key, EvalFiles.LIVE_A1, "alice").getString("request_id");

        for (int i = 0; i < 2; i++) {
            JsonPath found = faceSearch(key, EvalFiles.LIVE_A2, "most_similar");
            assertThat(found.getString("face_search.status"), equalTo("Approved"));
            assertThat(found.getInt("face_search.total_matches"), equalTo(1));
            assertThat(found.getString("face_search.matches[0].session_id"), equalTo(enrolled));
            assertThat(found.getString("face_search.matches[0].vendor_data"), equalTo("alice"));
            assertThat(found.getString("face_search.matches[0].api_service"), equalTo("passive-liveness"));
            assertThat(found.getDouble("face_search.matches[0].similarity_percentage"), greaterThanOrEqualTo(config.possibleThreshold()));
            assertThat(found.getBoolean("face_search.matches[0].is_blocklisted"), equalTo(false));
            assertThat(found.getString("face_search.matches[0].vendor_user_id"), org.hamcrest.Matchers.notNullValue());
        }
        JsonPath approvedOnly = faceSearch(key, EvalFiles.LIVE_A3, "blocklisted_or_approved");
        assertThat(approvedOnly.getString("face_search.matches[0].session_id"), equalTo(enrolled));

        assertThat(faceSearch(key, EvalFiles.POWELL_1, "most_similar").getList("face_search.matches"), empty());
        // Another application's faces are out of reach.
        String otherKey = TestTenants.create("search-other").apiKey();
        assertThat(faceSearch(otherKey, EvalFiles.LIVE_A2, "most_similar").getList("face_search.matches"), empty());
    }

    @Test
    void badSearchInputsAreRefusedByField() {
        String key = TestTenants.create("search-bad").apiKey();
        given().header("x-api-key", key)
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.LIVE_A1), "image/jpeg")
                .multiPart("search_type", "closest")
                .post("/v3/face-search/")
                .then().statusCode(400).body("search_type", org.hamcrest.Matchers.containsString("not a valid choice"));
        given().header("x-api-key", key)
                .multiPart("search_type", "most_similar")
                .post("/v3/face-search/")
                .then().statusCode(400).body("user_image", org.hamcrest.Matchers.notNullValue());
        given().header("x-api-key", key).get("/v3/sessions/").then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void aSecondPodSeesAnotherPodsListChangesWithinASecondWithoutSearching() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("two-pods");
        FaceIndex otherPod = new FaceIndex(rows, matcher, staleFaces, config, new SimpleMeterRegistry());
        FaceIndexListener listener = new FaceIndexListener(dataSource, otherPod, config);
        listener.start(null);
        try {
            assertThat(otherPod.size(tenant.applicationId()), equalTo(0));
            String list = faceBlocklist(tenant.apiKey());
            String entry = given().header("x-api-key", tenant.apiKey()).contentType("application/json")
                    .body(Map.of("image", java.util.Base64.getEncoder().encodeToString(EvalFiles.bytes(EvalFiles.LIVE_A1))))
                    .post("/v3/lists/" + list + "/entries/face-upload/")
                    .then().statusCode(201).extract().path("uuid");
            assertThat(heldWithinASecond(otherPod, tenant.applicationId(), 1), equalTo(1));

            given().header("x-api-key", tenant.apiKey()).delete("/v3/lists/" + list + "/entries/" + entry + "/")
                    .then().statusCode(204);
            assertThat(heldWithinASecond(otherPod, tenant.applicationId(), 0), equalTo(0));
        } finally {
            listener.stop(null);
        }
    }

    /** Polls what the pod holds, without the catch-up a search would do. */
    private static int heldWithinASecond(FaceIndex pod, java.util.UUID application, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (pod.heldFaces(application) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return pod.heldFaces(application);
    }

    @Test
    void anApplicationsOwnBandsApplyToItsNextSearch() {
        TestTenants.Tenant tenant = TestTenants.create("own-bands");
        passiveLiveness(tenant.apiKey(), EvalFiles.LIVE_A1, "alice");
        String path = "/admin/applications/" + tenant.applicationId() + "/similarity-bands";
        given().header("Authorization", "Bearer " + TestTenants.ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("possible", 100, "high", 100)).put(path)
                .then().statusCode(200).body("possible", equalTo(100f)).body("high", equalTo(100f));
        JsonPath other = passiveLiveness(tenant.apiKey(), EvalFiles.LIVE_A3, "mallory");
        assertThat(other.getList("liveness.warnings.risk"), not(hasItem(oneOf("DUPLICATED_FACE", "POSSIBLE_DUPLICATED_FACE"))));

        given().header("Authorization", "Bearer " + TestTenants.ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("possible", 95, "high", 85)).put(path)
                .then().statusCode(400).body("possible", equalTo("Must not be above high."));
        given().header("Authorization", "Bearer " + TestTenants.ADMIN_TOKEN).contentType("application/json")
                .body("{}").put("/admin/applications/" + java.util.UUID.randomUUID() + "/similarity-bands")
                .then().statusCode(404);
        given().header("Authorization", "Bearer " + TestTenants.ADMIN_TOKEN).contentType("application/json")
                .body("{}").put(path)
                .then().statusCode(200).body("possible", equalTo((float) config.possibleThreshold()));
    }

    @Test
    void aBlocklistedFaceIsDeclinedInPassiveLivenessAndFaceSearchUntilItsEntryIsDeleted() {
        String key = TestTenants.create("blocklist").apiKey();
        String list = faceBlocklist(key);
        String entry = given().header("x-api-key", key).contentType("application/json")
                .body(Map.of("image", java.util.Base64.getEncoder().encodeToString(EvalFiles.bytes(EvalFiles.LIVE_A1)),
                        "comment", "known fraudster"))
                .post("/v3/lists/" + list + "/entries/face-upload/")
                .then().statusCode(201).extract().path("uuid");

        JsonPath blocked = passiveLiveness(key, EvalFiles.LIVE_A2, "someone");
        assertThat(blocked.getString("liveness.status"), equalTo("Declined"));
        assertThat(blocked.getList("liveness.warnings.risk"), hasItem("FACE_IN_BLOCKLIST"));

        JsonPath found = faceSearch(key, EvalFiles.LIVE_A3, "blocklisted_or_approved");
        assertThat(found.getString("face_search.status"), equalTo("Declined"));
        assertThat(found.getString("face_search.matches[0].source"), equalTo("list_entry"));
        assertThat(found.getBoolean("face_search.matches[0].is_blocklisted"), equalTo(true));
        assertThat(found.getList("face_search.warnings.risk"), hasItem("FACE_IN_BLOCKLIST"));

        given().header("x-api-key", key).delete("/v3/lists/" + list + "/entries/" + entry + "/").then().statusCode(204);
        JsonPath lifted = passiveLiveness(key, EvalFiles.LIVE_A2, "someone");
        assertThat(lifted.getString("liveness.status"), equalTo("Approved"));
        assertThat(lifted.getList("liveness.warnings.risk"), not(hasItem(oneOf("FACE_IN_BLOCKLIST", "POSSIBLE_FACE_IN_BLOCKLIST"))));
    }

    static String faceBlocklist(String key) {
        return given().header("x-api-key", key).queryParam("list_type", "blocklist").queryParam("entry_type", "face")
                .get("/v3/lists/").then().statusCode(200).extract().path("results[0].uuid");
    }
}
