package dev.likeness.ratelimit;

import dev.likeness.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/** Budgets hold for the whole deployment: every replica counts in the same PostgreSQL table. */
@QuarkusTest
class SharedRateLimitTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    @Inject
    RateLimitConfig config;

    @Test
    void twoLimitersShareOneBudget() {
        var first = new SlidingWindowLimiter(WINDOW, dataSource);
        var second = new SlidingWindowLimiter(WINDOW, dataSource);
        var scope = new RateLimitPolicy.Scope("generic-get", 5);
        String caller = "key:" + UUID.randomUUID();
        long windowStart = Math.floorDiv(System.currentTimeMillis(), WINDOW.toMillis()) * WINDOW.toMillis();
        long now = windowStart + 1_000;

        assertThat(first.acquire(caller, List.of(scope), now).orElseThrow().remaining(), equalTo(4));
        assertThat(first.acquire(caller, List.of(scope), now).orElseThrow().remaining(), equalTo(3));
        assertThat(second.acquire(caller, List.of(scope), now).orElseThrow().remaining(), equalTo(2));
        assertThat(first.acquire(caller, List.of(scope), now).orElseThrow().remaining(), equalTo(1));
        assertThat(second.acquire(caller, List.of(scope), now).orElseThrow().remaining(), equalTo(0));

        SlidingWindowLimiter.Verdict refused = first.acquire(caller, List.of(scope), now).orElseThrow();
        assertThat(refused.allowed(), is(false));
        assertThat(refused.remaining(), equalTo(0));
        assertThat(second.acquire(caller, List.of(scope), now).orElseThrow().allowed(), is(false));
        // Another caller has its own budget.
        assertThat(second.acquire("key:" + UUID.randomUUID(), List.of(scope), now).orElseThrow().remaining(), equalTo(4));

        // Counters are kept per twelfth of the window. When the window has slid half-way past the slot
        // of those five requests, they weigh 2.5: two more fit, a third does not.
        long halfWayNext = windowStart + WINDOW.toMillis() + WINDOW.toMillis() / 24;
        assertThat(second.acquire(caller, List.of(scope), halfWayNext).orElseThrow().remaining(), equalTo(1));
        assertThat(first.acquire(caller, List.of(scope), halfWayNext).orElseThrow().remaining(), equalTo(0));
        assertThat(second.acquire(caller, List.of(scope), halfWayNext).orElseThrow().allowed(), is(false));
    }

    @Test
    void requestRefusedByOneScopeSpendsNothingOnTheOthers() {
        var limiter = new SlidingWindowLimiter(WINDOW, dataSource);
        var decision = new RateLimitPolicy.Scope("decision", 1);
        var generic = new RateLimitPolicy.Scope("generic-get", 5);
        String caller = "key:" + UUID.randomUUID();
        long now = Math.floorDiv(System.currentTimeMillis(), WINDOW.toMillis()) * WINDOW.toMillis() + 1_000;

        assertThat(limiter.acquire(caller, List.of(decision, generic), now).orElseThrow().remaining(), equalTo(0));
        assertThat(limiter.acquire(caller, List.of(decision, generic), now).orElseThrow().allowed(), is(false));
        assertThat(limiter.acquire(caller, List.of(generic), now).orElseThrow().remaining(), equalTo(3));
    }

    @Test
    void serviceCountsWhatAnotherReplicaSpent() {
        TestTenants.Tenant tenant = TestTenants.create("shared-budget");
        var otherReplica = new SlidingWindowLimiter(config.window(), dataSource);
        var generic = new RateLimitPolicy.Scope("generic-get", config.genericGet());
        for (int i = 0; i < config.genericGet() - 2; i++) {
            otherReplica.acquire("key:" + tenant.keyId(), List.of(generic), System.currentTimeMillis()).orElseThrow();
        }

        given().header("x-api-key", tenant.apiKey()).get("/v3/workflows/")
                .then().statusCode(200).header("X-RateLimit-Remaining", "1");
        given().header("x-api-key", tenant.apiKey()).get("/v3/workflows/")
                .then().statusCode(200).header("X-RateLimit-Remaining", "0");
        Response throttled = given().header("x-api-key", tenant.apiKey()).get("/v3/workflows/");
        assertThat(throttled.statusCode(), equalTo(429));
        assertThat(throttled.jsonPath().getString("code"), equalTo("rate_limited"));
        assertThat(throttled.header("X-RateLimit-Limit"), equalTo(String.valueOf(config.genericGet())));
    }

    @Test
    void floodOfRejectedKeysIsThrottledPerClientAddress() {
        String attacker = "198.51.100.23";
        int budget = config.rejectedKey();
        for (int i = 0; i < budget; i++) {
            given().header("X-Forwarded-For", attacker).header("x-api-key", "sk_live_guess-" + i)
                    .get("/v3/workflows/").then().statusCode(401);
        }

        Response throttled = given().header("X-Forwarded-For", attacker).header("x-api-key", "sk_live_guess-last")
                .get("/v3/workflows/");
        assertThat(throttled.statusCode(), equalTo(429));
        assertThat(throttled.jsonPath().getString("code"), equalTo("rate_limited"));
        assertThat(throttled.header("X-RateLimit-Limit"), equalTo(String.valueOf(budget)));
        assertThat(throttled.header("X-RateLimit-Remaining"), equalTo("0"));
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertThat(retryAfter, greaterThanOrEqualTo(1L));
        assertThat(retryAfter, lessThanOrEqualTo(2 * config.window().toSeconds()));
        // Keys from that address are no longer looked up at all, a good one included.
        given().header("X-Forwarded-For", attacker).header("x-api-key", TestTenants.BOOTSTRAP_KEY)
                .get("/v3/workflows/").then().statusCode(429);

        // The address comes from the trusted proxy's X-Forwarded-For: another client behind it is unaffected.
        String neighbour = "198.51.100.24";
        given().header("X-Forwarded-For", neighbour).header("x-api-key", "sk_live_guess-neighbour")
                .get("/v3/workflows/").then().statusCode(401);
        given().header("X-Forwarded-For", neighbour).header("x-api-key", TestTenants.BOOTSTRAP_KEY)
                .get("/v3/workflows/").then().statusCode(200);
    }

    @Test
    void floodWithoutKeysIsThrottledToo() {
        String client = "203.0.113.77";
        for (int i = 0; i < config.rejectedKey(); i++) {
            given().header("X-Forwarded-For", client).get("/v3/workflows/").then().statusCode(403);
        }
        given().header("X-Forwarded-For", client).get("/v3/workflows/")
                .then().statusCode(429).body("code", equalTo("rate_limited"));
    }

    @Test
    void unreachableCountersLetRequestsThrough() {
        var nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/postgres");
        nowhere.setConnectTimeout(2);
        var limiter = new SlidingWindowLimiter(WINDOW, nowhere);
        var scope = new RateLimitPolicy.Scope("generic-get", 1);
        long now = System.currentTimeMillis();

        assertThat(limiter.acquire("key:" + UUID.randomUUID(), List.of(scope), now), equalTo(Optional.empty()));
        assertThat(limiter.acquire("key:" + UUID.randomUUID(), List.of(scope), now), equalTo(Optional.empty()));
        assertThat(limiter.peek("ip:192.0.2.1", scope, now), equalTo(Optional.empty()));
        limiter.count("ip:192.0.2.1", scope, now);
    }
}
