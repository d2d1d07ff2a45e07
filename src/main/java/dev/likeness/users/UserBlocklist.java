package dev.likeness.users;

import dev.likeness.lists.EntryType;
import dev.likeness.lists.SystemLists;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The application's system {@code user} blocklist: a BLOCKED user's
 * normalised vendor_data is an entry on it, on the list {@link SystemLists} provisions.
 */
@ApplicationScoped
public class UserBlocklist {

    private final SystemLists systemLists;

    public UserBlocklist(SystemLists systemLists) {
        this.systemLists = systemLists;
    }

    static final String ADDED_BY = "system";

    /** Call inside the transaction of the status change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(UUID applicationId, String vendorDataKey) {
        systemLists.block(applicationId, EntryType.USER, vendorDataKey, ADDED_BY);
    }

    /** Removes the vendor_data from every user blocklist of the application, whoever added it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(UUID applicationId, String vendorDataKey) {
        em().createNativeQuery("""
                        delete from list_entry e using entry_list l
                        where e.list_id = l.id and l.application_id = ?1 and l.list_type = 'blocklist'
                          and l.entry_type = 'user' and %s = ?2""".formatted(AppUser.KEY_SQL.formatted("e.value")))
                .setParameter(1, applicationId).setParameter(2, vendorDataKey).executeUpdate();
    }

    /** True when the vendor_data (as sent, or normalised) is on a user blocklist, added by a status change or through the lists API. */
    public boolean contains(UUID applicationId, String vendorData) {
        List<?> hit = em().createNativeQuery("""
                        select 1 from list_entry e join entry_list l on l.id = e.list_id
                        where l.application_id = ?1 and l.list_type = 'blocklist' and l.entry_type = 'user'
                          and e.application_id = ?1 and %s = %s limit 1""".formatted(AppUser.KEY_SQL.formatted("e.value"),
                        AppUser.KEY_SQL.formatted("cast(?2 as varchar)")))
                .setParameter(1, applicationId).setParameter(2, vendorData).getResultList();
        return !hit.isEmpty();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
