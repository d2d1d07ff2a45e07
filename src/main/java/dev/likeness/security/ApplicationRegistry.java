package dev.likeness.security;

import dev.likeness.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Creates tenants and issues and revokes their keys. */
@ApplicationScoped
public class ApplicationRegistry {

    /** A key as shown once at issue: the only moment the full string exists outside the client. */
    public record IssuedKey(ApiKey record, String key) {
    }

    public record NewApplication(Application application, IssuedKey key) {
    }

    private final Event<ApplicationCreated> created;

    public ApplicationRegistry(Event<ApplicationCreated> created) {
        this.created = created;
    }

    @Transactional
    public NewApplication create(String name, String environment, String presetKey) {
        Application app = new Application();
        app.id = UUID.randomUUID();
        app.name = name;
        app.environment = environment;
        app.createdAt = now();
        app.persist();
        IssuedKey key = issue(app, "default", presetKey);
        created.fire(new ApplicationCreated(app.id));
        return new NewApplication(app, key);
    }

    @Transactional
    public IssuedKey issueKey(UUID applicationId, String name) {
        Application app = Application.findById(applicationId);
        if (app == null) {
            throw ApiException.notFound();
        }
        return issue(app, name, null);
    }

    @Transactional
    public void revokeKey(UUID applicationId, UUID keyId) {
        ApiKey key = ApiKey.findById(keyId);
        if (key == null || !key.applicationId.equals(applicationId)) {
            throw ApiException.notFound();
        }
        if (key.revokedAt == null) {
            key.revokedAt = now();
        }
    }

    public List<Application> applications() {
        return Application.listAll();
    }

    public List<ApiKey> keys(UUID applicationId) {
        if (Application.findById(applicationId) == null) {
            throw ApiException.notFound();
        }
        return ApiKey.list("applicationId = ?1 order by createdAt", applicationId);
    }

    private IssuedKey issue(Application app, String name, String presetKey) {
        String key = presetKey != null ? presetKey : ApiKeyFormat.generate(app.environment);
        ApiKey record = new ApiKey();
        record.id = UUID.randomUUID();
        record.applicationId = app.id;
        record.keyHash = ApiKeyFormat.digest(key);
        record.displayPrefix = ApiKeyFormat.displayPrefix(key);
        record.name = name;
        record.createdAt = now();
        record.persist();
        return new IssuedKey(record, key);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
