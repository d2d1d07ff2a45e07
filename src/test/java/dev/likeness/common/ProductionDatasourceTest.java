package dev.likeness.common;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's own application.properties, read as production reads it. */
class ProductionDatasourceTest {

    @Test
    void aMissingDatasourceUrlNamesTheVariableToSet() throws Exception {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> production(Map.of(), true).getOptionalValue("quarkus.datasource.jdbc.url", String.class));
        assertTrue(e.getMessage().contains("set QUARKUS_DATASOURCE_JDBC_URL"), e.getMessage());
    }

    @Test
    void theVariableSetsTheUrl() throws Exception {
        String url = "jdbc:postgresql://db:5432/likeness";
        assertEquals(url, production(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url), true)
                .getValue("quarkus.datasource.jdbc.url", String.class));
    }

    @Test
    void theBuildMayReadAMissingUrl() throws Exception {
        assertTrue(production(Map.of(), false).getOptionalValue("quarkus.datasource.jdbc.url", String.class).isEmpty());
    }

    private static SmallRyeConfig production(Map<String, String> environment, boolean running) throws Exception {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withInterceptors(new DatasourceUrlRequirement(() -> running))
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(
                        ProductionDatasourceTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new io.smallrye.config.EnvConfigSource(environment, 300) {
                })
                .build();
    }
}
