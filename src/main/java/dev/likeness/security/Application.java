package dev.likeness.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant. Everything the service stores belongs to exactly one application. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** {@code live} or {@code sandbox}; echoed as {@code environment} in decisions and webhooks. */
    @Column(nullable = false)
    public String environment;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** This application's "possible" similarity band, or null for the configured default. */
    @Column(name = "face_possible_threshold")
    public java.math.BigDecimal facePossibleThreshold;

    /** This application's "high" similarity band, or null for the configured default. */
    @Column(name = "face_high_threshold")
    public java.math.BigDecimal faceHighThreshold;
}
