package dev.likeness.common;

import dev.likeness.media.MediaConfig;
import dev.likeness.security.AdminConfig;
import dev.likeness.security.BootstrapConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up check of every secret, on the config mappings as SmallRye builds them, without Quarkus. */
class StartupSecretsTest {

    private static final String GOOD_AES = "dGVzdC1vbmx5LW1lZGlhLWtleS1kby1ub3QtdXNlISE=";
    private static final String GOOD_HMAC = "dGVzdC1vbmx5LXNpZ25pbmcta2V5LWRvLW5vdC11c2UtMTIzNDU=";

    @Test
    void wellFormedSecretsPass() {
        assertEquals(List.of(), problems(Map.of(
                "likeness.admin.token", "likeness-test-admin-token",
                "likeness.bootstrap.api-key", "sk_test_likeness-test-key-0000000000000000000000000")));
    }

    @Test
    void aFiveByteSigningKeyIsRefusedNamingSettingVariableAndRule() {
        List<String> problems = problems(Map.of("likeness.media.signing-key", "AQIDBAU="));
        assertEquals(1, problems.size(), problems::toString);
        String message = problems.get(0);
        assertTrue(message.startsWith("likeness.media.signing-key (LIKENESS_MEDIA_SIGNING_KEY)"), message);
        assertTrue(message.contains("decodes to 5 bytes"), message);
        assertTrue(message.contains("at least 32"), message);
        assertTrue(!message.contains("AQIDBAU="), "the value itself is never printed");
    }

    @Test
    void encryptionKeysMustBeExactlyAes256() {
        String longKey = java.util.Base64.getEncoder().encodeToString(new byte[48]);
        List<String> problems = problems(Map.of(
                "likeness.media.encryption-key", longKey,
                "likeness.media.previous-keys.k0", "not base64!"));
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("likeness.media.encryption-key (LIKENESS_MEDIA_ENCRYPTION_KEY) decodes to 48 bytes"),
                problems.get(0));
        assertTrue(problems.get(0).contains("exactly 32"), problems.get(0));
        assertTrue(problems.get(1).startsWith("likeness.media.previous-keys.k0 (LIKENESS_MEDIA_PREVIOUS_KEYS_K0) is not Base64"),
                problems.get(1));
    }

    @Test
    void placeholdersFromTheSecretTemplateAreRefused() {
        List<String> problems = problems(Map.of(
                "likeness.media.signing-key", "REPLACE_ME",
                "likeness.media.encryption-key", "REPLACE_ME",
                "likeness.admin.token", "REPLACE_ME",
                "likeness.bootstrap.api-key", "REPLACE_ME"));
        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("likeness.admin.token (LIKENESS_ADMIN_TOKEN) must be at least 24")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("likeness.bootstrap.api-key (LIKENESS_BOOTSTRAP_API_KEY) must be sk_live_")));
    }

    @Test
    void everyProblemIsInTheStartupError() {
        Map<String, String> values = values(Map.of("likeness.media.signing-key", "AQIDBAU=", "likeness.admin.token", "short"));
        StartupSecrets check = new StartupSecrets(mapping(values, MediaConfig.class), mapping(values, AdminConfig.class),
                mapping(values, BootstrapConfig.class));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> check.check(null));
        assertTrue(e.getMessage().contains("likeness.media.signing-key (LIKENESS_MEDIA_SIGNING_KEY)"), e.getMessage());
        assertTrue(e.getMessage().contains("likeness.admin.token (LIKENESS_ADMIN_TOKEN)"), e.getMessage());
    }

    private static List<String> problems(Map<String, String> overrides) {
        Map<String, String> values = values(overrides);
        return StartupSecrets.problems(mapping(values, MediaConfig.class), mapping(values, AdminConfig.class),
                mapping(values, BootstrapConfig.class));
    }

    private static Map<String, String> values(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "likeness.media.encryption-key", GOOD_AES,
                "likeness.media.signing-key", GOOD_HMAC,
                "likeness.media.link-lifetime", "PT4H"));
        values.putAll(overrides);
        return values;
    }

    private static <T> T mapping(Map<String, String> values, Class<T> type) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(type).withDefaultValues(values).build();
        return config.getConfigMapping(type);
    }
}
