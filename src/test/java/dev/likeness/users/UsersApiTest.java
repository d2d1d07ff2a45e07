package dev.likeness.users;

import dev.likeness.EvalFiles;
import dev.likeness.NeedsSharedData;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The users API against the real database, and what a user's status does to its sessions on real photos. */
@QuarkusTest
class UsersApiTest {

    @Inject
    EntityManager entityManager;

    @Test
    void createGetListPatchAndDelete() {
        SessionFlows flows = new SessionFlows("users-crud");
        String id = flows.api().body(Map.of("vendor_data", "Alice-1", "full_name", "Alice Doe", "date_of_birth", "1990-05-15",
                        "approved_emails", Map.of("alice@example.com", true, "old@example.com", false),
                        "issuing_states", List.of("usa"), "metadata", Map.of("tier", "premium")))
                .post("/v3/users/create/").then().statusCode(201)
                .body("vendor_data", equalTo("Alice-1"))
                .body("status", equalTo("ACTIVE"))
                .body("full_name", equalTo("Alice Doe"))
                .body("effective_name", equalTo("Alice Doe"))
                .body("date_of_birth", equalTo("1990-05-15"))
                .body("approved_emails", contains("alice@example.com"))
                .body("approved_phones", hasSize(0))
                .body("issuing_states", contains("USA"))
                .body("metadata.tier", equalTo("premium"))
                .body("session_count", equalTo(0))
                .body("portrait_image_url", nullValue())
                .body("features", aMapWithSize(0))
                .body("comments", hasSize(0))
                .body("last_session_at", nullValue())
                .body("updated_at", notNullValue())
                .extract().path("didit_internal_id");

        // The path is matched like the key: trimmed, any case.
        flows.api().get("/v3/users/ALICE-1/").then().statusCode(200).body("didit_internal_id", equalTo(id));
        flows.api().body(Map.of("vendor_data", "  alice-1 ")).post("/v3/users/create/").then().statusCode(400)
                .body("vendor_data", containsString("already exists"));

        flows.api().body(Map.of("vendor_data", "bob")).post("/v3/users/create/").then().statusCode(201);
        flows.api().get("/v3/users/").then().statusCode(200)
                .body("count", equalTo(2))
                .body("results.vendor_data", hasItem("Alice-1"))
                .body("results[0]", not(hasKey("metadata")))
                .body("results[0]", not(hasKey("comments")));
        flows.api().queryParam("search", "ALICE@").get("/v3/users/").then().statusCode(200)
                .body("count", equalTo(1)).body("results[0].vendor_data", equalTo("Alice-1"));
        flows.api().queryParam("limit", 201).get("/v3/users/").then().statusCode(400).body("limit", notNullValue());
        flows.api().queryParam("status", "nope").get("/v3/users/").then().statusCode(400).body("status", notNullValue());

        flows.api().body(Map.of("display_name", "Al", "metadata", Map.of("tier", "basic"), "approved_phones", List.of("+14155551234")))
                .patch("/v3/users/alice-1/").then().statusCode(200)
                .body("display_name", equalTo("Al"))
                .body("effective_name", equalTo("Al"))
                .body("metadata.tier", equalTo("basic"))
                .body("approved_phones", contains("+14155551234"))
                .body("full_name", equalTo("Alice Doe"));
        flows.api().body(Map.of("vendor_data", "someone-else")).patch("/v3/users/alice-1/").then().statusCode(400)
                .body("vendor_data", notNullValue());

        flows.api().body(Map.of("status", "BLOCKED", "reason", "chargebacks")).patch("/v3/users/alice-1/update-status/")
                .then().statusCode(200)
                .body("status", equalTo("BLOCKED"))
                .body("comments", hasSize(1))
                .body("comments[0].comment_type", equalTo("status_change"))
                .body("comments[0].comment", equalTo("chargebacks"))
                .body("comments[0].previous_status", equalTo("ACTIVE"))
                .body("comments[0].new_status", equalTo("BLOCKED"));
        assertEquals(List.of("alice-1"), userBlocklist(flows.tenant().applicationId()));
        // The same status again is a no-op: no new comment.
        flows.api().body(Map.of("status", "BLOCKED")).patch("/v3/users/alice-1/update-status/").then().statusCode(200)
                .body("comments", hasSize(1));
        flows.api().queryParam("status", "BLOCKED").get("/v3/users/").then().body("count", equalTo(1));
        flows.api().body(Map.of("status", "flagged")).patch("/v3/users/alice-1/update-status/").then().statusCode(200)
                .body("status", equalTo("FLAGGED")).body("comments", hasSize(2));
        assertEquals(List.of(), userBlocklist(flows.tenant().applicationId()));
        flows.api().body(Map.of("status", "GONE")).patch("/v3/users/alice-1/update-status/").then().statusCode(400)
                .body("status", notNullValue());

        flows.api().body(Map.of("vendor_data_list", List.of("ALICE-1", "unknown"), "didit_internal_id_list", List.of(id)))
                .post("/v3/users/delete/").then().statusCode(200).body("deleted", equalTo(1));
        flows.api().get("/v3/users/alice-1/").then().statusCode(404);
        flows.api().get("/v3/users/").then().body("count", equalTo(1)).body("results[0].vendor_data", equalTo("bob"));
        // A deleted user's vendor_data is free again.
        flows.api().body(Map.of("vendor_data", "alice-1")).post("/v3/users/create/").then().statusCode(201)
                .body("didit_internal_id", not(equalTo(id))).body("comments", hasSize(0));
        flows.api().body(Map.of("delete_all", true)).post("/v3/users/delete/").then().statusCode(200).body("deleted", equalTo(2));
        flows.api().body(Map.of()).post("/v3/users/delete/").then().statusCode(400).body("non_field_errors", notNullValue());
        flows.api().body(Map.of("didit_internal_id_list", List.of("not-a-uuid"))).post("/v3/users/delete/").then().statusCode(400)
                .body("didit_internal_id_list", notNullValue());
    }

    @Test
    void badFieldsAreReportedByNameAndNothingIsStored() {
        SessionFlows flows = new SessionFlows("users-validation");
        flows.api().body(Map.of("full_name", "x".repeat(513), "date_of_birth", "15/05/1990", "status", "Approved",
                        "metadata", List.of(1), "approved_emails", "a@b.c"))
                .post("/v3/users/create/").then().statusCode(400)
                .body("vendor_data", equalTo("This field is required."))
                .body("full_name", notNullValue())
                .body("date_of_birth", notNullValue())
                .body("status", notNullValue())
                .body("metadata", notNullValue())
                .body("approved_emails", notNullValue());
        flows.api().body(Map.of("vendor_data", "é".repeat(1001))).post("/v3/users/create/").then().statusCode(400)
                .body("vendor_data", containsString("2000 bytes"));
        flows.api().body(Map.of("vendor_data", "   ")).post("/v3/users/create/").then().statusCode(400)
                .body("vendor_data", notNullValue());
        flows.api().body(Map.of("vendor_data", "ok-user", "date_of_birth", "1990-02-30")).post("/v3/users/create/").then()
                .statusCode(400).body("date_of_birth", notNullValue());
        flows.api().get("/v3/users/").then().statusCode(200).body("count", equalTo(0));

        flows.api().body(Map.of("vendor_data", "carol")).post("/v3/users/create/").then().statusCode(201);
        flows.api().body(Map.of("full_name", 42, "reason", "r".repeat(1001))).patch("/v3/users/carol/").then().statusCode(400)
                .body("full_name", notNullValue()).body("reason", notNullValue());
        flows.api().get("/v3/users/carol/").then().statusCode(200).body("full_name", nullValue());
    }

    @Test
    void anotherApplicationsUserIsNotFound() {
        SessionFlows owner = new SessionFlows("users-owner");
        SessionFlows other = new SessionFlows("users-other");
        String id = owner.api().body(Map.of("vendor_data", "dave")).post("/v3/users/create/").then().statusCode(201)
                .extract().path("didit_internal_id");
        other.api().get("/v3/users/dave/").then().statusCode(404);
        other.api().body(Map.of("full_name", "Eve")).patch("/v3/users/dave/").then().statusCode(404);
        other.api().body(Map.of("status", "BLOCKED")).patch("/v3/users/dave/update-status/").then().statusCode(404);
        other.api().body(Map.of("didit_internal_id_list", List.of(id), "vendor_data_list", List.of("dave")))
                .post("/v3/users/delete/").then().statusCode(200).body("deleted", equalTo(0));
        other.api().get("/v3/users/").then().body("count", equalTo(0));
        // The same vendor_data is a separate user in another application.
        other.api().body(Map.of("vendor_data", "dave")).post("/v3/users/create/").then().statusCode(201)
                .body("didit_internal_id", not(equalTo(id)));
        owner.api().get("/v3/users/dave/").then().statusCode(200).body("didit_internal_id", equalTo(id))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aSessionCreatesItsUserOnce() {
        SessionFlows flows = new SessionFlows("users-auto");
        String workflow = flows.defaultWorkflow();
        String portrait = SessionFlows.portrait(EvalFiles.LIVE_A1);
        flows.create(workflow, "Auto-User", portrait).statusCode(201);
        flows.api().get("/v3/users/auto-user/").then().statusCode(200)
                .body("vendor_data", equalTo("Auto-User"))
                .body("status", equalTo("ACTIVE"))
                .body("session_count", equalTo(1))
                .body("first_session_at", notNullValue())
                .body("last_session_at", notNullValue());
        flows.create(workflow, " AUTO-user", portrait).statusCode(201);
        flows.api().get("/v3/users/").then().body("count", equalTo(1))
                .body("results[0].session_count", equalTo(2));
        flows.create(workflow, null, portrait).statusCode(201);
        flows.api().get("/v3/users/").then().body("count", equalTo(1));
    }

    @Test
    @NeedsSharedData
    void aSavedStandaloneCallCreatesItsUser() {
        SessionFlows flows = new SessionFlows("users-standalone");
        io.restassured.RestAssured.given().header("x-api-key", flows.tenant().apiKey())
                .multiPart("user_image", "a.jpg", EvalFiles.bytes(EvalFiles.SILENTFACE_LIVE), "image/jpeg")
                .multiPart("vendor_data", "Standalone-User")
                .post("/v3/passive-liveness/").then().statusCode(200);
        flows.api().get("/v3/users/standalone-user/").then().statusCode(200)
                .body("vendor_data", equalTo("Standalone-User"))
                .body("session_count", equalTo(1));
    }

    @Test
    void concurrentFirstSessionsAndCreatesMakeOneUser() throws Exception {
        SessionFlows flows = new SessionFlows("users-race");
        // Liveness only: no reference face needed, so sessions are created without model work.
        String workflow = flows.workflow("""
                {"workflow_type": "biometric_authentication", "features": [{"feature": "LIVENESS"}]}""");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            // Every spelling differs, so no session reuses another; all normalise to one user.
            List<String> spellings = List.of("Racer", "racer ", " RACER", "rAcer", "raCer", "racEr", "raceR", "RAcer");
            for (int i = 0; i < spellings.size(); i++) {
                String spelling = spellings.get(i);
                answers.add(i % 2 == 0
                        ? pool.submit(() -> flows.api().body(Map.of("vendor_data", spelling))
                                .post("/v3/users/create/").then().extract().statusCode())
                        : pool.submit(() -> flows.create(workflow, spelling, null).extract().statusCode()));
            }
            for (var answer : answers) {
                assertEquals(true, List.of(201, 400).contains(answer.get()));
            }
        } finally {
            pool.shutdown();
        }
        flows.api().get("/v3/users/").then().body("count", equalTo(1));
    }

    @Test
    @NeedsSharedData
    void aBlockedUsersNextSessionIsDeclinedAndAFlaggedOneGoesToReview() {
        SessionFlows flows = new SessionFlows("users-standing");
        String workflow = flows.defaultWorkflow();
        String portrait = SessionFlows.portrait(EvalFiles.LIVE_A1);

        // The same person who passes as an ACTIVE user...
        String[] first = flows.open(workflow, "frank", portrait);
        SessionFlows.start(first[1]).statusCode(200);
        SessionFlows.selfie(first[1], EvalFiles.LIVE_A2).statusCode(200).body("status", equalTo("Approved"));
        flows.api().get("/v3/users/frank/").then().statusCode(200)
                .body("approved_count", equalTo(1))
                .body("features.LIVENESS", equalTo("Approved"))
                .body("features.FACE_MATCH", equalTo("Approved"))
                .body("portrait_image_url", startsWith("http"));

        // ...is declined once blocked,
        flows.api().body(Map.of("status", "BLOCKED")).patch("/v3/users/frank/update-status/").then().statusCode(200);
        String[] blocked = flows.open(workflow, "frank", portrait);
        SessionFlows.start(blocked[1]).statusCode(200);
        SessionFlows.selfie(blocked[1], EvalFiles.LIVE_A2).statusCode(200).body("status", equalTo("Declined"));
        flows.decision(blocked[0]).statusCode(200)
                .body("status", equalTo("Declined"))
                .body("liveness_checks[0].status", equalTo("Declined"))
                .body("liveness_checks[0].warnings.risk", hasItem("USER_BLOCKED"))
                .body("liveness_checks[0].warnings.find { it.risk == 'USER_BLOCKED' }.log_type", equalTo("error"))
                .body("liveness_checks[0].warnings.find { it.risk == 'USER_BLOCKED' }.node_id", equalTo("feature_liveness_1"));

        // ...and goes to review when flagged.
        flows.api().body(Map.of("status", "FLAGGED")).patch("/v3/users/frank/update-status/").then().statusCode(200);
        String[] flagged = flows.open(workflow, "frank", portrait);
        SessionFlows.start(flagged[1]).statusCode(200);
        SessionFlows.selfie(flagged[1], EvalFiles.LIVE_A2).statusCode(200).body("status", equalTo("In Review"));
        flows.decision(flagged[0]).statusCode(200)
                .body("liveness_checks[0].warnings.risk", hasItem("USER_FLAGGED"))
                .body("liveness_checks[0].status", equalTo("In Review"));
        flows.api().get("/v3/users/frank/").then()
                .body("session_count", equalTo(3))
                .body("approved_count", equalTo(1))
                .body("declined_count", equalTo(1))
                .body("in_review_count", equalTo(1));

        // Deleting the user takes its faces out of the index; its sessions stay.
        UUID app = flows.tenant().applicationId();
        assertEquals(true, liveFaces(app, "frank") > 0);
        flows.api().body(Map.of("vendor_data_list", List.of("frank"))).post("/v3/users/delete/").then()
                .body("deleted", equalTo(1));
        assertEquals(0L, liveFaces(app, "frank"));
        flows.decision(first[0]).statusCode(200).body("status", equalTo("Approved"));
        flows.api().queryParam("vendor_data", "frank").get("/v3/sessions/").then()
                .body("count", greaterThanOrEqualTo(3));
    }

    @Test
    @NeedsSharedData
    void aVendorDataOnTheUserBlocklistIsDeclinedWhateverTheStatus() {
        SessionFlows flows = new SessionFlows("users-listed");
        String workflow = flows.defaultWorkflow();
        String portrait = SessionFlows.portrait(EvalFiles.LIVE_A1);
        flows.api().body(Map.of("vendor_data", "grace")).post("/v3/users/create/").then().statusCode(201);
        // As the lists API would add it: a user entry on the system user blocklist, status untouched.
        listOnUserBlocklist(flows.tenant().applicationId(), "grace");
        String[] session = flows.open(workflow, "Grace", portrait);
        SessionFlows.start(session[1]).statusCode(200);
        SessionFlows.selfie(session[1], EvalFiles.LIVE_A2).statusCode(200).body("status", equalTo("Declined"));
        flows.api().get("/v3/users/grace/").then().body("status", equalTo("ACTIVE")).body("declined_count", equalTo(1));
    }

    @SuppressWarnings("unchecked")
    private List<String> userBlocklist(UUID applicationId) {
        return entityManager.createNativeQuery("""
                        select e.value from list_entry e join entry_list l on l.id = e.list_id
                        where l.application_id = ?1 and l.list_type = 'blocklist' and l.entry_type = 'user'
                          and l.is_system and l.name = 'User Blocklist' order by e.value""")
                .setParameter(1, applicationId).getResultList();
    }

    private long liveFaces(UUID applicationId, String vendorData) {
        return ((Number) entityManager.createNativeQuery(
                        "select count(*) from face_template where application_id = ?1 and vendor_data = ?2 and deleted_at is null")
                .setParameter(1, applicationId).setParameter(2, vendorData).getSingleResult()).longValue();
    }

    @jakarta.transaction.Transactional
    void listOnUserBlocklist(UUID applicationId, String value) {
        UUID listId = io.quarkus.arc.Arc.container().instance(dev.likeness.lists.SystemLists.class).get()
                .userBlocklist(applicationId);
        entityManager.createNativeQuery("""
                        insert into list_entry (id, list_id, application_id, value, added_by, created_at)
                        values (?1, ?2, ?3, ?4, 'api', now())""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, listId).setParameter(3, applicationId)
                .setParameter(4, value).executeUpdate();
    }
}
