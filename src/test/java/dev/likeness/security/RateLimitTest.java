package dev.likeness.security;

import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class RateLimitTest {

    /** Didit's generic-get budget is 600 per minute per key; the 601st GET is throttled. */
    @Test
    void genericGetBudgetThrottlesWithHeaders() {
        TestTenants.Tenant tenant = TestTenants.create("rate-limited");
        for (int i = 1; i <= 600; i++) {
            Response ok = given().header("x-api-key", tenant.apiKey()).get("/v3/workflows/");
            assertThat(ok.statusCode(), equalTo(200));
            if (i == 1) {
                assertThat(ok.header("X-RateLimit-Limit"), equalTo("600"));
                assertThat(ok.header("X-RateLimit-Remaining"), equalTo("599"));
            }
        }
        long now = System.currentTimeMillis() / 1000;
        Response throttled = given().header("x-api-key", tenant.apiKey()).get("/v3/workflows/");
        assertThat(throttled.statusCode(), equalTo(429));
        assertThat(throttled.jsonPath().getString("detail"), notNullValue());
        assertThat(throttled.header("X-RateLimit-Limit"), equalTo("600"));
        assertThat(throttled.header("X-RateLimit-Remaining"), equalTo("0"));
        assertThat(Long.parseLong(throttled.header("X-RateLimit-Reset")), greaterThan(now));
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertThat(retryAfter, greaterThanOrEqualTo(1L));
        assertThat(retryAfter, lessThanOrEqualTo(60L));

        // Budgets are per key: another application is unaffected.
        given().header("x-api-key", TestTenants.create("neighbour").apiKey()).get("/v3/workflows/")
                .then().statusCode(200);
    }
}
