package dev.likeness.lists;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lists every application has without asking: one blocklist per entry type, named
 * "&lt;Type&gt; Blocklist". They are made the first time anything touches an
 * application's lists, face index included, in a transaction of their own so a failing request does
 * not take them back. Replicas racing on one application meet on the unique index of system lists.
 */
@ApplicationScoped
public class SystemLists {

    private final EntityManager entityManager;
    /** Applications known to have their lists; an in-memory shortcut, the database stays the truth. */
    private final Set<UUID> provisioned = ConcurrentHashMap.newKeySet();

    public SystemLists(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The id of the application's system face blocklist. */
    public UUID faceBlocklist(UUID applicationId) {
        return blocklist(applicationId, EntryType.FACE);
    }

    /** The id of the application's system user ({@code vendor_data}) blocklist. */
    public UUID userBlocklist(UUID applicationId) {
        return blocklist(applicationId, EntryType.USER);
    }

    public UUID blocklist(UUID applicationId, EntryType type) {
        ensure(applicationId);
        // In a transaction (the caller's, if any), so background work such as the face index can call this.
        return QuarkusTransaction.joiningExisting().call(() -> entityManager.createQuery("select l.id from EntryList l "
                        + "where l.applicationId = :app and l.system = true and l.listType = :type and l.entryType = :entry",
                        UUID.class)
                .setParameter("app", applicationId).setParameter("type", EntryList.BLOCKLIST)
                .setParameter("entry", type.wire()).getSingleResult());
    }

    /**
     * Puts an already normalised value on the application's system blocklist of {@code type}, once
     * (another service's own rule, such as a BLOCKED user's vendor_data). Call inside a transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void block(UUID applicationId, EntryType type, String value, String addedBy) {
        EntryList list = EntryList.findById(blocklist(applicationId, type));
        if (ListEntry.count("listId = ?1 and value = ?2", list.id, value) == 0) {
            ListEntry.on(list, value, addedBy, OffsetDateTime.now(ZoneOffset.UTC)).persist();
        }
    }

    /** Creates whichever system lists the application lacks. */
    public void ensure(UUID applicationId) {
        if (provisioned.contains(applicationId)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            long present = (Long) entityManager.createQuery("select count(l) from EntryList l where l.applicationId = :app "
                    + "and l.system = true").setParameter("app", applicationId).getSingleResult();
            if (present >= EntryType.values().length) {
                return;
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (EntryType type : EntryType.values()) {
                // No conflict target: the system-list index or the name index may be the one hit.
                entityManager.createNativeQuery("insert into entry_list (id, application_id, name, description, list_type, "
                                + "entry_type, is_system, created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, true, ?7, ?7) "
                                + "on conflict do nothing")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, applicationId)
                        .setParameter(3, name(applicationId, type))
                        .setParameter(4, description(type))
                        .setParameter(5, EntryList.BLOCKLIST)
                        .setParameter(6, type.wire())
                        .setParameter(7, now)
                        .executeUpdate();
            }
        });
        provisioned.add(applicationId);
    }

    /**
     * The documented name, unless a list of the application already took it (possible only for lists
     * made before this code provisioned system lists): then the system list is suffixed, not skipped.
     */
    private String name(UUID applicationId, EntryType type) {
        String name = type.systemBlocklistName();
        long taken = (Long) entityManager.createQuery("select count(l) from EntryList l where l.applicationId = :app "
                        + "and lower(l.name) = lower(:name) and l.system = false")
                .setParameter("app", applicationId).setParameter("name", name).getSingleResult();
        return taken == 0 ? name : name + " (system)";
    }

    private static String description(EntryType type) {
        return type == EntryType.FACE
                ? "Faces that decline a verification when matched during liveness."
                : "Blocked " + type.systemBlocklistName().replace(" Blocklist", "").toLowerCase(java.util.Locale.ROOT)
                        + " values. Stored for compatibility; Likeness does not check them during verification.";
    }
}
