package dev.likeness.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** An application's API key, kept only as a digest: the key itself is shown once, at issue. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "key_hash", nullable = false, unique = true)
    public byte[] keyHash;

    /** The first characters of the key, enough for a person to tell keys apart in a list. */
    @Column(name = "display_prefix", nullable = false)
    public String displayPrefix;

    public String name;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public static Optional<ApiKey> findByHash(byte[] hash) {
        return find("keyHash", (Object) hash).firstResultOptional();
    }

    public boolean isActive() {
        return revokedAt == null;
    }
}
