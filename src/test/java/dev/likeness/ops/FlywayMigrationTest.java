package dev.likeness.ops;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test profile cleans its schema at start, so this proves every migration applies to an empty database. */
@QuarkusTest
class FlywayMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyMigrationAppliedFromEmpty() throws Exception {
        File[] files = new File("src/main/resources/db/migration").listFiles((d, n) -> n.endsWith(".sql"));
        long expected = Arrays.stream(files).count();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) filter (where success), count(*), "
                     + "current_schema() from flyway_schema_history where version is not null")) {
            assertTrue(rs.next());
            assertEquals(expected, rs.getLong(1), "successful migrations");
            assertEquals(expected, rs.getLong(2), "migrations recorded");
            String testSchema = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("quarkus.flyway.schemas", String.class);
            assertEquals(testSchema, rs.getString(3), "tests run in their own schema");
            assertTrue(testSchema.startsWith("likeness_test"), "the test schema is not the dev one: " + testSchema);
        }
    }
}
