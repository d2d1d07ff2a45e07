package dev.likeness.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Makes a fresh installation usable: on the first start against an empty database one application
 * is created. Several replicas may start at once, so creation runs under a PostgreSQL advisory lock.
 */
@ApplicationScoped
public class ApplicationBootstrap {

    private static final Logger LOG = Logger.getLogger(ApplicationBootstrap.class);
    private static final long LOCK_ID = 0x4c696b656e657373L; // "Likeness"

    private final ApplicationRegistry registry;
    private final BootstrapConfig config;
    private final EntityManager entityManager;

    public ApplicationBootstrap(ApplicationRegistry registry, BootstrapConfig config, EntityManager entityManager) {
        this.registry = registry;
        this.config = config;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        bootstrap();
    }

    /** A key's prefix and its application's environment must agree, or an sk_test_ key would decide live. */
    static String environment(BootstrapConfig boot) {
        String fromKey = boot.apiKey().map(ApplicationBootstrap::environmentOfKey).orElse(null);
        String configured = boot.environment().map(String::strip).orElse(null);
        if (configured != null && !configured.equals("live") && !configured.equals("sandbox")) {
            throw new IllegalStateException("likeness.bootstrap.environment must be live or sandbox, not '" + configured + "'.");
        }
        if (configured != null && fromKey != null && !configured.equals(fromKey)) {
            throw new IllegalStateException("likeness.bootstrap.environment is " + configured
                    + " but likeness.bootstrap.api-key starts with " + ApiKeyFormat.prefixFor(fromKey)
                    + ": use an " + ApiKeyFormat.prefixFor(configured) + " key or leave the environment unset.");
        }
        return configured != null ? configured : fromKey != null ? fromKey : "live";
    }

    private static String environmentOfKey(String key) {
        if (key.startsWith("sk_test_")) {
            return "sandbox";
        }
        return key.startsWith("sk_live_") ? "live" : null;
    }

    @Transactional
    void bootstrap() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_ID + ")").getSingleResult();
        if (Application.count() > 0) {
            return;
        }
        BootstrapConfig boot = config;
        ApplicationRegistry.NewApplication created =
                registry.create(boot.applicationName(), environment(boot), boot.apiKey().orElse(null));
        LOG.infof("created the first application %s (%s)", created.application().id, created.application().name);
        if (boot.apiKey().isEmpty()) {
            // The one time a generated key exists in clear: shown on the console, not sent to the log pipeline.
            System.out.println("""

                    ==================================================================
                     Likeness created its first application. Its API key (shown once):
                       %s
                    ==================================================================
                    """.formatted(created.key().key()));
        }
    }
}
