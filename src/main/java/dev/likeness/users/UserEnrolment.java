package dev.likeness.users;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Creates the user, ACTIVE, the first time a session or a saved standalone call carries an unseen
 * vendor_data. Safe against concurrent sessions of one new user: the insert
 * yields to the unique index instead of failing.
 */
@ApplicationScoped
public class UserEnrolment {

    private final UserEvents events;

    UserEnrolment(UserEvents events) {
        this.events = events;
    }

    /** Call inside the transaction that stores the session; blank vendor_data makes no user. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enrol(UUID applicationId, String vendorData) {
        if (vendorData == null || vendorData.isBlank()) {
            return;
        }
        UUID id = UUID.randomUUID();
        if (insert(applicationId, id, vendorData, AppUser.ACTIVE, OffsetDateTime.now(ZoneOffset.UTC)) == 1) {
            AppUser user = AppUser.findById(id);
            events.dataUpdated(user, Map.of("vendor_data", new UserEvents.Change(null, user.vendorData)));
        }
    }

    /** 1 when the user was created, 0 when a live user with the same normalised vendor_data exists. */
    static int insert(UUID applicationId, UUID id, String vendorData, String status, OffsetDateTime now) {
        return Panache.getEntityManager().createNativeQuery("""
                        insert into app_user (id, application_id, vendor_data, status, created_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?5)
                        on conflict (application_id, vendor_data_key) where deleted_at is null do nothing""")
                .setParameter(1, id).setParameter(2, applicationId).setParameter(3, vendorData)
                .setParameter(4, status).setParameter(5, now)
                .executeUpdate();
    }
}
