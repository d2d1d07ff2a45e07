package dev.likeness.common;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's own application.properties, read as production reads it. */
class ProductionDatasourceTest {

    @Test
    void aMissingDatasourceUrlNamesTheVariableToSet() throws Exception {
        NoSuchElementException e = assertThrows(NoSuchElementException.class,
                () -> production(Map.of()).getValue("quarkus.datasource.jdbc.url", String.class));
        assertTrue(e.getMessage().contains("QUARKUS_DATASOURCE_JDBC_URL"), e.getMessage());
    }

    @Test
    void theVariableSetsTheUrl() throws Exception {
        String url = "jdbc:postgresql://db:5432/likeness";
        assertEquals(url, production(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url))
                .getValue("quarkus.datasource.jdbc.url", String.class));
    }

    private static SmallRyeConfig production(Map<String, String> environment) throws Exception {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(
                        ProductionDatasourceTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new io.smallrye.config.EnvConfigSource(environment, 300) {
                })
                .build();
    }
}
