package dev.likeness.lists;

import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lists and entries by value (face index spec §4): system lists, CRUD, validation, paging, tenancy. */
@QuarkusTest
class ListsApiTest {

    private static RequestSpecification api(TestTenants.Tenant tenant) {
        return given().header("x-api-key", tenant.apiKey()).contentType(ContentType.JSON);
    }

    static String createList(TestTenants.Tenant tenant, String name, String listType, String entryType) {
        return api(tenant).body(Map.of("name", name, "list_type", listType, "entry_type", entryType))
                .post("/v3/lists/").then().statusCode(201).extract().path("uuid");
    }

    @Test
    void everyApplicationHasOneSystemBlocklistPerEntryType() {
        TestTenants.Tenant tenant = TestTenants.create("lists-system");
        api(tenant).get("/v3/lists/?limit=50").then().statusCode(200)
                .body("count", equalTo(12))
                .body("results.is_system", everyItem(equalTo(true)))
                .body("results.list_type", everyItem(equalTo("blocklist")))
                .body("results.name", hasItem("Face Blocklist"))
                .body("results.name", hasItem("IP Address Blocklist"));
        String face = api(tenant).get("/v3/lists/?list_type=blocklist&entry_type=face").then().statusCode(200)
                .body("count", equalTo(1))
                .body("results[0].name", equalTo("Face Blocklist"))
                .body("results[0].entry_type", equalTo("face"))
                .body("results[0].entry_count", equalTo(0))
                .body("results[0].last_entry_added_at", nullValue())
                .extract().path("results[0].uuid");

        api(tenant).body(Map.of("name", "Renamed")).patch("/v3/lists/" + face + "/").then().statusCode(400)
                .body("code", equalTo("system_list"));
        api(tenant).delete("/v3/lists/" + face + "/").then().statusCode(400).body("code", equalTo("system_list"));
        api(tenant).get("/v3/lists/" + face + "/").then().statusCode(200).body("name", equalTo("Face Blocklist"));
        api(tenant).body(Map.of("name", "face blocklist", "list_type", "allowlist", "entry_type", "face"))
                .post("/v3/lists/").then().statusCode(400).body("name", equalTo("A list with this name already exists."));
    }

    @Inject
    SystemLists systemLists;

    /** Replicas touching a new application at once: each request sees the one set of system lists. */
    @Test
    void systemListsAreProvisionedOnceUnderConcurrentFirstUse() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create("lists-race");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<java.util.UUID>>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> systemLists.faceBlocklist(tenant.applicationId())));
            }
            java.util.Set<java.util.UUID> ids = new java.util.HashSet<>();
            for (var call : calls) {
                ids.add(call.get());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdown();
        }
        api(tenant).get("/v3/lists/?is_system=true&limit=50").then().statusCode(200).body("count", equalTo(12));
    }

    @Test
    void listsAreCreatedReadRenamedAndDeleted() {
        TestTenants.Tenant tenant = TestTenants.create("lists-crud");
        api(tenant).body(Map.of("name", "VIP", "list_type", "allowlist", "entry_type", "email", "description", "Trusted"))
                .post("/v3/lists/").then().statusCode(201)
                .body("name", equalTo("VIP"))
                .body("description", equalTo("Trusted"))
                .body("list_type", equalTo("allowlist"))
                .body("entry_type", equalTo("email"))
                .body("is_system", equalTo(false))
                .body("entry_count", equalTo(0))
                .body("last_entry_added_at", nullValue())
                .body("created_at", notNullValue());
        String custom = createList(tenant, "Watch", "custom", "country");
        api(tenant).get("/v3/lists/" + custom + "/").then().statusCode(200).body("description", equalTo(""));

        api(tenant).body(Map.of("name", "vip", "list_type", "custom", "entry_type", "email")).post("/v3/lists/")
                .then().statusCode(400).body("name", equalTo("A list with this name already exists."));
        api(tenant).body(Map.of("name", "Blocked", "list_type", "blocklist", "entry_type", "email")).post("/v3/lists/")
                .then().statusCode(400).body("list_type", containsString("system lists"));
        api(tenant).body(Map.of("list_type", "colour", "entry_type", "shoe")).post("/v3/lists/").then().statusCode(400)
                .body("name", equalTo("This field is required."))
                .body("list_type", equalTo("\"colour\" is not a valid choice."))
                .body("entry_type", equalTo("\"shoe\" is not a valid choice."));
        api(tenant).body(Map.of("name", "x".repeat(256), "list_type", "custom", "entry_type", "key")).post("/v3/lists/")
                .then().statusCode(400).body("name", containsString("255"));
        api(tenant).get("/v3/lists/?is_system=false").then().statusCode(200).body("count", equalTo(2));

        api(tenant).body(Map.of("name", "Watchlist", "description", "Countries to watch", "list_type", "allowlist"))
                .patch("/v3/lists/" + custom + "/").then().statusCode(200)
                .body("name", equalTo("Watchlist"))
                .body("description", equalTo("Countries to watch"))
                .body("list_type", equalTo("custom"));
        api(tenant).body(Map.of("name", "VIP")).patch("/v3/lists/" + custom + "/").then().statusCode(400)
                .body("name", equalTo("A list with this name already exists."));

        api(tenant).delete("/v3/lists/" + custom + "/").then().statusCode(204);
        api(tenant).get("/v3/lists/" + custom + "/").then().statusCode(404);
        api(tenant).delete("/v3/lists/" + custom + "/").then().statusCode(404);
        createList(tenant, "Watchlist", "custom", "country"); // the name is free again
    }

    @Test
    void listFiltersAndOrderingAreChecked() {
        TestTenants.Tenant tenant = TestTenants.create("lists-filters");
        String busy = createList(tenant, "Busy", "custom", "key");
        api(tenant).body(Map.of("value", "k-1")).post("/v3/lists/" + busy + "/entries/").then().statusCode(201);
        api(tenant).body(Map.of("value", "k-2")).post("/v3/lists/" + busy + "/entries/").then().statusCode(201);
        api(tenant).get("/v3/lists/?ordering=-entry_count&limit=1").then().statusCode(200)
                .body("results[0].uuid", equalTo(busy))
                .body("results[0].entry_count", equalTo(2))
                .body("results[0].last_entry_added_at", notNullValue())
                .body("next", containsString("offset=1"));
        api(tenant).get("/v3/lists/?ordering=-last_entry_added_at&limit=1").then().statusCode(200)
                .body("results[0].uuid", equalTo(busy));
        api(tenant).get("/v3/lists/?ordering=name").then().statusCode(400).body("ordering", equalTo("\"name\" is not a valid choice."));
        api(tenant).get("/v3/lists/?list_type=greylist").then().statusCode(400).body("list_type", notNullValue());
        api(tenant).get("/v3/lists/?entry_type=shoe").then().statusCode(400).body("entry_type", notNullValue());
        api(tenant).get("/v3/lists/?is_system=maybe").then().statusCode(400).body("is_system", notNullValue());
        api(tenant).get("/v3/lists/?limit=201").then().statusCode(400).body("limit", notNullValue());
    }

    @Test
    void entriesAreCheckedAndStoredNormalisedByEntryType() {
        TestTenants.Tenant tenant = TestTenants.create("lists-entries");
        Map<String, String[]> accepted = new HashMap<>();
        accepted.put("email", new String[] {"Fraud@Example.COM", "fraud@example.com"});
        accepted.put("phone", new String[] {"+1 (415) 555-2671", "+14155552671"});
        accepted.put("ip_address", new String[] {"10.0.0.0/8", "10.0.0.0/8"});
        accepted.put("device_fingerprint", new String[] {"AbCd-1234:ef", "abcd-1234:ef"});
        accepted.put("country", new String[] {"us", "USA"});
        accepted.put("user", new String[] {"Customer-42", "customer-42"});
        accepted.put("business", new String[] {"ACME-Ltd", "acme-ltd"});
        accepted.put("document", new String[] {"X1234567", "x1234567"});
        accepted.put("wallet_address", new String[] {"0xAbC123", "0xabc123"});
        accepted.put("bank_account", new String[] {"GB33BUKB20201555555555", "gb33bukb20201555555555"});
        accepted.put("key", new String[] {"Any Thing", "any thing"});
        for (var e : accepted.entrySet()) {
            String list = createList(tenant, "List " + e.getKey(), "custom", e.getKey());
            api(tenant).body(Map.of("value", e.getValue()[0], "display_label", "Label", "comment", "Reported as fraud",
                            "metadata", Map.of("case", 7)))
                    .post("/v3/lists/" + list + "/entries/").then().statusCode(201)
                    .body("value", equalTo(e.getValue()[1]))
                    .body("display_label", equalTo("Label"))
                    .body("comment", equalTo("Reported as fraud"))
                    .body("added_by", equalTo("api"))
                    .body("reference_session_id", nullValue())
                    .body("reference_session_number", nullValue())
                    .body("reference_object_uuid", nullValue())
                    .body("metadata.case", equalTo(7))
                    .body("uuid", notNullValue())
                    .body("created_at", notNullValue());
            // Values match case-insensitively, so the same value differently written is a duplicate.
            api(tenant).body(Map.of("value", e.getValue()[0].toUpperCase(java.util.Locale.ROOT)))
                    .post("/v3/lists/" + list + "/entries/").then().statusCode(400)
                    .body("value", equalTo("This value is already on the list."));
        }

        Map<String, String> refused = Map.of("email", "not-an-email", "phone", "415", "ip_address", "300.1.1.1",
                "device_fingerprint", "abc", "country", "ZZZ", "user", "   ");
        for (var e : refused.entrySet()) {
            String list = api(tenant).get("/v3/lists/?is_system=false&entry_type=" + e.getKey()).then()
                    .extract().path("results[0].uuid");
            api(tenant).body(Map.of("value", e.getValue())).post("/v3/lists/" + list + "/entries/").then()
                    .statusCode(400).body("$", hasKey("value"));
            api(tenant).get("/v3/lists/" + list + "/").then().body("entry_count", equalTo(1));
        }
        String ips = api(tenant).get("/v3/lists/?is_system=false&entry_type=ip_address").then().extract().path("results[0].uuid");
        api(tenant).body(Map.of("value", "2001:DB8::1")).post("/v3/lists/" + ips + "/entries/").then().statusCode(201)
                .body("value", equalTo("2001:db8::1"));
        api(tenant).body(Map.of("value", "2001:db8::/129")).post("/v3/lists/" + ips + "/entries/").then().statusCode(400);

        String keys = api(tenant).get("/v3/lists/?is_system=false&entry_type=key").then().extract().path("results[0].uuid");
        api(tenant).body(Map.of()).post("/v3/lists/" + keys + "/entries/").then().statusCode(400).body("$", hasKey("value"));
        api(tenant).body(Map.of("value", "v", "metadata", "text", "reference_object_uuid", "nope",
                        "display_label", "l".repeat(256)))
                .post("/v3/lists/" + keys + "/entries/").then().statusCode(400)
                .body("metadata", equalTo("Must be a JSON object."))
                .body("reference_object_uuid", equalTo("Must be a valid UUID."))
                .body("display_label", containsString("255"));
        api(tenant).get("/v3/lists/" + keys + "/").then().body("entry_count", equalTo(1));

        String faces = api(tenant).get("/v3/lists/?list_type=blocklist&entry_type=face").then().extract().path("results[0].uuid");
        api(tenant).body(Map.of("value", "some-face")).post("/v3/lists/" + faces + "/entries/").then().statusCode(400)
                .body("value", containsString("face-upload"));
        api(tenant).body(Map.of("reference_session_id", java.util.UUID.randomUUID().toString()))
                .post("/v3/lists/" + faces + "/entries/").then().statusCode(400)
                .body("reference_session_id", equalTo("Session not found."));
        api(tenant).get("/v3/lists/" + faces + "/").then().body("entry_count", equalTo(0));
    }

    @Test
    void entriesArePagedSearchedAndDeleted() {
        TestTenants.Tenant tenant = TestTenants.create("lists-paging");
        String list = createList(tenant, "Mails", "custom", "email");
        String first = null;
        for (int i = 0; i < 30; i++) {
            String id = api(tenant).body(Map.of("value", "user" + i + "@example.com", "display_label", i == 7 ? "The Seventh" : ""))
                    .post("/v3/lists/" + list + "/entries/").then().statusCode(201).extract().path("uuid");
            first = first == null ? id : first;
        }
        api(tenant).get("/v3/lists/" + list + "/entries/").then().statusCode(200)
                .body("count", equalTo(30))
                .body("results", hasSize(25))
                .body("results[0].value", equalTo("user29@example.com"))
                .body("next", containsString("offset=25"))
                .body("previous", nullValue());
        api(tenant).get("/v3/lists/" + list + "/entries/?limit=25&offset=25").then().statusCode(200)
                .body("results", hasSize(5))
                .body("next", nullValue())
                .body("previous", containsString("offset=0"));
        api(tenant).get("/v3/lists/" + list + "/entries/?search=USER1").then().statusCode(200).body("count", equalTo(11));
        api(tenant).get("/v3/lists/" + list + "/entries/?search=seventh").then().statusCode(200)
                .body("count", equalTo(1)).body("results[0].value", equalTo("user7@example.com"));
        api(tenant).get("/v3/lists/" + list + "/entries/?search=_").then().statusCode(200).body("count", equalTo(0));

        api(tenant).delete("/v3/lists/" + list + "/entries/" + first + "/").then().statusCode(204);
        api(tenant).delete("/v3/lists/" + list + "/entries/" + first + "/").then().statusCode(404);
        api(tenant).get("/v3/lists/" + list + "/").then().body("entry_count", equalTo(29));
        api(tenant).get("/v3/lists/" + list + "/entries/?search=user0@").then().body("count", equalTo(0));
    }

    @Test
    void anotherApplicationsListsAreNotFound() {
        TestTenants.Tenant owner = TestTenants.create("lists-owner");
        TestTenants.Tenant stranger = TestTenants.create("lists-stranger");
        String list = createList(owner, "Private", "custom", "email");
        String entry = api(owner).body(Map.of("value", "a@b.co")).post("/v3/lists/" + list + "/entries/").then()
                .statusCode(201).extract().path("uuid");
        String face = api(owner).get("/v3/lists/?list_type=blocklist&entry_type=face").then().extract().path("results[0].uuid");

        api(stranger).get("/v3/lists/" + list + "/").then().statusCode(404).body("detail", equalTo("Not found."));
        api(stranger).body(Map.of("name", "Mine")).patch("/v3/lists/" + list + "/").then().statusCode(404);
        api(stranger).delete("/v3/lists/" + list + "/").then().statusCode(404);
        api(stranger).get("/v3/lists/" + list + "/entries/").then().statusCode(404);
        api(stranger).body(Map.of("value", "c@d.co")).post("/v3/lists/" + list + "/entries/").then().statusCode(404);
        api(stranger).delete("/v3/lists/" + list + "/entries/" + entry + "/").then().statusCode(404);
        api(stranger).body(Map.of("image", "AAAA")).post("/v3/lists/" + face + "/entries/face-upload/").then().statusCode(404);
        api(stranger).get("/v3/lists/").then().body("results.uuid", not(hasItem(list)));
        api(stranger).get("/v3/lists/not-a-uuid/").then().statusCode(404);

        api(owner).get("/v3/lists/" + list + "/").then().statusCode(200).body("name", equalTo("Private"))
                .body("entry_count", equalTo(1));
    }
}
