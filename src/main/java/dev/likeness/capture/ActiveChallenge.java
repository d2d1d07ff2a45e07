package dev.likeness.capture;

import dev.likeness.liveness.active.HeadMove;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The head moves asked of the end user for one active-liveness attempt. */
@Entity
@Table(name = "active_challenge")
public class ActiveChallenge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** The capture attempt (1-based) this challenge is for. */
    @Column(nullable = false)
    public int attempt;

    /** Comma-separated wire names of the moves, in order. */
    @Column(nullable = false)
    public String steps;

    @Column(nullable = false)
    public String nonce;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    public List<HeadMove> moves() {
        return Arrays.stream(steps.split(",")).map(s -> HeadMove.ofWire(s).orElseThrow()).toList();
    }
}
