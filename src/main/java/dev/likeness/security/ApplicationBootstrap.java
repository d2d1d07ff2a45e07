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

    @Transactional
    void bootstrap() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_ID + ")").getSingleResult();
        if (Application.count() > 0) {
            return;
        }
        BootstrapConfig boot = config;
        ApplicationRegistry.NewApplication created =
                registry.create(boot.applicationName(), boot.environment(), boot.apiKey().orElse(null));
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
