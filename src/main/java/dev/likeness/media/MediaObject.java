package dev.likeness.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored image's record; its bytes are encrypted, in {@link #ciphertext} or a file. */
@Entity
@Table(name = "media_object")
public class MediaObject extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public byte[] nonce;

    public byte[] ciphertext;

    @Column(name = "storage_path")
    public String storagePath;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
