package dev.likeness.common;

import dev.likeness.media.MediaConfig;
import dev.likeness.security.AdminConfig;
import dev.likeness.security.ApiKeyFormat;
import dev.likeness.security.BootstrapConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks every secret setting when the service starts, instead of when the first request needs it:
 * a short signing key would otherwise start fine and then fail every decision with a 500. All
 * problems are reported at once, each naming the setting, its variable and the rule.
 */
@ApplicationScoped
public class StartupSecrets {

    /** Admin tokens shorter than this are guessable (and catch placeholders such as REPLACE_ME). */
    static final int ADMIN_TOKEN_MIN_CHARS = 24;

    private final MediaConfig media;
    private final AdminConfig admin;
    private final BootstrapConfig bootstrap;

    public StartupSecrets(MediaConfig media, AdminConfig admin, BootstrapConfig bootstrap) {
        this.media = media;
        this.admin = admin;
        this.bootstrap = bootstrap;
    }

    void check(@Observes @Priority(1) StartupEvent event) {
        List<String> problems = problems(media, admin, bootstrap);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid settings, the service cannot start:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** What is wrong with the secret settings; empty when every one meets its rule. */
    public static List<String> problems(MediaConfig media, AdminConfig admin, BootstrapConfig bootstrap) {
        List<String> problems = new ArrayList<>();
        collect(problems, () -> SecretRules.base64Key("likeness.media.encryption-key", media.encryptionKey(), 32, true));
        media.previousKeys().forEach((id, key) -> collect(problems,
                () -> SecretRules.base64Key("likeness.media.previous-keys." + id, key, 32, true)));
        collect(problems, () -> SecretRules.base64Key("likeness.media.signing-key", media.signingKey(), 32, false));
        admin.token().ifPresent(token -> collect(problems,
                () -> SecretRules.token("likeness.admin.token", token, ADMIN_TOKEN_MIN_CHARS)));
        bootstrap.apiKey().ifPresent(key -> collect(problems, () -> {
            if (!ApiKeyFormat.isWellFormed(key)) {
                throw new InvalidSettingException("likeness.bootstrap.api-key",
                        "must be sk_live_ or sk_test_ followed by 43 URL-safe Base64 characters (32 random bytes), or unset");
            }
            return key;
        }));
        return problems;
    }

    private static void collect(List<String> problems, Supplier<?> rule) {
        try {
            rule.get();
        } catch (InvalidSettingException e) {
            problems.add(e.getMessage());
        }
    }
}
