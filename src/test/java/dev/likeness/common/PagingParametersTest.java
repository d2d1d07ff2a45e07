package dev.likeness.common;

import dev.likeness.EvalFiles;
import dev.likeness.NeedsSharedData;
import dev.likeness.session.SessionFlows;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** limit, offset and date filters that do not fit are a 400 on the field, never a 404 or a 500. */
@QuarkusTest
@NeedsSharedData
class PagingParametersTest {

    private static final String[] LISTS = {"/v3/sessions/", "/v3/workflows/"};

    @Test
    void unparsableOrOversizedLimitAndOffsetAreA400OnTheField() {
        SessionFlows flows = new SessionFlows("paging-params");
        String sessionId = flows.open(flows.defaultWorkflow(), "paging-user", SessionFlows.portrait(EvalFiles.LIVE_A1))[0];
        String reviews = "/v3/sessions/" + sessionId + "/reviews/";
        for (String list : new String[] {LISTS[0], LISTS[1], reviews}) {
            for (String limit : new String[] {"abc", "1.5", "99999999999", "0"}) {
                flows.api().queryParam("limit", limit).get(list)
                        .then().statusCode(400).contentType(startsWith("application/json"))
                        .body("limit", equalTo(limit.equals("0") || limit.equals("99999999999")
                                ? "Must be between 1 and " + (list.equals(LISTS[0]) || list.equals(reviews) ? 500 : 200) + "."
                                : "A valid integer is required."));
            }
            flows.api().queryParam("offset", "99999999999").get(list)
                    .then().statusCode(400).body("offset", equalTo("Ensure this value is less than or equal to 2147483647."));
            flows.api().queryParam("offset", "x").get(list)
                    .then().statusCode(400).body("offset", equalTo("A valid integer is required."));
        }
    }

    @Test
    void theLargestOffsetIsAnEmptyPageWithoutANextLink() {
        SessionFlows flows = new SessionFlows("paging-overflow");
        String sessionId = flows.open(flows.defaultWorkflow(), "overflow-user", SessionFlows.portrait(EvalFiles.LIVE_A1))[0];
        flows.api().queryParam("offset", "2147483647").get("/v3/sessions/" + sessionId + "/reviews/")
                .then().statusCode(200).body("results", empty()).body("next", nullValue())
                .body("previous", containsString("offset=2147483597"));
        flows.api().queryParam("offset", "2147483647").queryParam("limit", "500").get("/v3/sessions/")
                .then().statusCode(200).body("count", equalTo(1)).body("results", empty()).body("next", nullValue());
    }

    @Test
    void datesOutsideTheCalendarTheDatabaseKeepsAreA400() {
        SessionFlows flows = new SessionFlows("paging-dates");
        flows.api().queryParam("date_to", "+999999999-12-31T23:59:59Z").get("/v3/sessions/")
                .then().statusCode(400).body("date_to", equalTo("Enter a valid ISO 8601 date or date-time."));
        flows.api().queryParam("date_from", "-999999999-01-01").get("/v3/sessions/")
                .then().statusCode(400).body("date_from", equalTo("Enter a valid ISO 8601 date or date-time."));
        flows.api().queryParam("date_from", "0001-01-01").queryParam("date_to", "9999-12-31T23:59:59Z").get("/v3/sessions/")
                .then().statusCode(200).body("count", equalTo(0));
    }
}
