package dev.likeness.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first application's environment follows its key's prefix, as Didit's keys do. */
class BootstrapEnvironmentTest {

    private static final String TEST_KEY = "sk_test_" + "a".repeat(43);
    private static final String LIVE_KEY = "sk_live_" + "a".repeat(43);

    @Test
    void theKeyPrefixDecidesWhenNoEnvironmentIsSet() {
        assertEquals("sandbox", ApplicationBootstrap.environment(config(TEST_KEY, null)));
        assertEquals("live", ApplicationBootstrap.environment(config(LIVE_KEY, null)));
        assertEquals("live", ApplicationBootstrap.environment(config(null, null)));
        assertEquals("sandbox", ApplicationBootstrap.environment(config(null, "sandbox")));
        assertEquals("sandbox", ApplicationBootstrap.environment(config(TEST_KEY, "sandbox")));
    }

    @Test
    void aContradictionStopsStartUpNamingBothSettings() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ApplicationBootstrap.environment(config(TEST_KEY, "live")));
        assertTrue(e.getMessage().contains("likeness.bootstrap.environment"), e.getMessage());
        assertTrue(e.getMessage().contains("likeness.bootstrap.api-key"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ApplicationBootstrap.environment(config(null, "staging")));
    }

    private static BootstrapConfig config(String key, String environment) {
        return new BootstrapConfig() {
            @Override
            public Optional<String> apiKey() {
                return Optional.ofNullable(key);
            }

            @Override
            public String applicationName() {
                return "Default application";
            }

            @Override
            public Optional<String> environment() {
                return Optional.ofNullable(environment);
            }
        };
    }
}
