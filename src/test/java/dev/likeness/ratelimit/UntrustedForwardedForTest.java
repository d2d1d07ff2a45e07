package dev.likeness.ratelimit;

import dev.likeness.ProductionDefaults;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Without trusted-proxy forwarding (the production default) the client address is the TCP peer:
 * a client flooding bad keys cannot dodge its budget by writing a new {@code X-Forwarded-For}.
 */
@QuarkusTest
@TestProfile(ProductionDefaults.class)
class UntrustedForwardedForTest {

    @Inject
    RateLimitConfig config;

    @Inject
    DataSource dataSource;

    // The other tests of this profile call from the same loopback address.
    @BeforeEach
    @AfterEach
    void forgetRejectedKeys() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from rate_limit_counter where scope = 'rejected-key'");
        }
    }

    @Test
    void clientCannotNameItsOwnAddress() {
        for (int i = 0; i < config.rejectedKey(); i++) {
            given().header("X-Forwarded-For", "198.51.100." + (i % 250 + 1)).header("x-api-key", "sk_live_guess-" + i)
                    .get("/v3/workflows/").then().statusCode(401);
        }
        given().header("X-Forwarded-For", "203.0.113.9").header("x-api-key", "sk_live_guess-fresh")
                .get("/v3/workflows/").then().statusCode(429).body("code", equalTo("rate_limited"));
    }
}
