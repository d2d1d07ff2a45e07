package dev.likeness.lists;

import dev.likeness.common.ApiException;
import dev.likeness.common.FieldValidationException;
import dev.likeness.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The lists of an application: listing, creating, renaming and deleting. */
@ApplicationScoped
class ListCatalog {

    /** {@code GET /v3/lists/} query parameters, as sent. */
    record Filters(String listType, String entryType, String isSystem, String ordering) {
    }

    /** {@code POST} and {@code PATCH} bodies; PATCH reads only name and description. */
    record ListRequest(String name, String description, String listType, String entryType) {
    }

    record Result(List<ListView> rows, long count) {
    }

    static final String SYSTEM_LIST = "system_list";
    static final int MAX_NAME = 255;

    private static final Map<String, String> ORDERINGS = Map.of(
            "created_at", "l.createdAt asc, l.id",
            "-created_at", "l.createdAt desc, l.id",
            "entry_count", "(select count(e) from ListEntry e where e.listId = l.id) asc, l.createdAt desc, l.id",
            "-entry_count", "(select count(e) from ListEntry e where e.listId = l.id) desc, l.createdAt desc, l.id",
            "last_entry_added_at", "l.lastEntryAddedAt asc nulls last, l.createdAt desc, l.id",
            "-last_entry_added_at", "l.lastEntryAddedAt desc nulls last, l.createdAt desc, l.id");

    private final EntityManager entityManager;
    private final ListFaces faces;

    ListCatalog(EntityManager entityManager, ListFaces faces) {
        this.entityManager = entityManager;
        this.faces = faces;
    }

    Result list(UUID applicationId, Filters f, Page.Window window) {
        StringBuilder where = new StringBuilder(" where l.applicationId = :app");
        Map<String, Object> params = new HashMap<>();
        params.put("app", applicationId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (f.listType() != null) {
            if (!List.of(EntryList.BLOCKLIST, EntryList.ALLOWLIST, EntryList.CUSTOM).contains(f.listType())) {
                errors.put("list_type", choice(f.listType()));
            }
            where.append(" and l.listType = :listType");
            params.put("listType", f.listType());
        }
        if (f.entryType() != null) {
            if (EntryType.of(f.entryType()).isEmpty()) {
                errors.put("entry_type", choice(f.entryType()));
            }
            where.append(" and l.entryType = :entryType");
            params.put("entryType", f.entryType());
        }
        if (f.isSystem() != null) {
            String flag = f.isSystem().toLowerCase(Locale.ROOT);
            if (!List.of("true", "false", "1", "0").contains(flag)) {
                errors.put("is_system", "Must be a valid boolean.");
            }
            where.append(" and l.system = :system");
            params.put("system", flag.equals("true") || flag.equals("1"));
        }
        String ordering = f.ordering() == null || f.ordering().isBlank() ? "-created_at" : f.ordering();
        if (!ORDERINGS.containsKey(ordering)) {
            errors.put("ordering", choice(ordering));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        TypedQuery<Long> count = entityManager.createQuery("select count(l) from EntryList l" + where, Long.class);
        TypedQuery<EntryList> page = entityManager.createQuery("select l from EntryList l" + where + " order by "
                + ORDERINGS.get(ordering), EntryList.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        List<EntryList> lists = page.setFirstResult(window.offset()).setMaxResults(window.limit()).getResultList();
        Map<UUID, Long> counts = entryCounts(lists.stream().map(l -> l.id).toList());
        return new Result(lists.stream().map(l -> ListView.of(l, counts.getOrDefault(l.id, 0L))).toList(),
                count.getSingleResult());
    }

    ListView get(UUID applicationId, UUID listId) {
        return view(owned(applicationId, listId));
    }

    @Transactional
    ListView create(UUID applicationId, ListRequest body) {
        ListRequest request = body == null ? new ListRequest(null, null, null, null) : body;
        Map<String, String> errors = new LinkedHashMap<>();
        String name = name(request.name(), errors);
        if (request.listType() == null) {
            errors.put("list_type", "This field is required.");
        } else if (EntryList.BLOCKLIST.equals(request.listType())) {
            errors.put("list_type", "Blocklists are system lists, one per entry type, and cannot be created; "
                    + "add entries to the application's blocklist instead.");
        } else if (!List.of(EntryList.ALLOWLIST, EntryList.CUSTOM).contains(request.listType())) {
            errors.put("list_type", choice(request.listType()));
        }
        if (request.entryType() == null) {
            errors.put("entry_type", "This field is required.");
        } else if (EntryType.of(request.entryType()).isEmpty()) {
            errors.put("entry_type", choice(request.entryType()));
        }
        if (name != null && nameTaken(applicationId, name, null)) {
            errors.put("name", "A list with this name already exists.");
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        EntryList list = new EntryList();
        list.id = UUID.randomUUID();
        list.applicationId = applicationId;
        list.name = name;
        list.description = request.description() == null ? "" : request.description();
        list.listType = request.listType();
        list.entryType = request.entryType();
        list.system = false;
        list.createdAt = now;
        list.updatedAt = now;
        list.persist();
        flushUniqueName();
        return ListView.of(list, 0);
    }

    @Transactional
    ListView update(UUID applicationId, UUID listId, ListRequest body) {
        EntryList list = owned(applicationId, listId);
        if (list.system) {
            throw new ApiException(400, "System lists cannot be modified.", SYSTEM_LIST);
        }
        ListRequest request = body == null ? new ListRequest(null, null, null, null) : body;
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.name() != null) {
            String name = name(request.name(), errors);
            if (name != null && nameTaken(applicationId, name, list.id)) {
                errors.put("name", "A list with this name already exists.");
            }
            if (errors.isEmpty()) {
                list.name = name;
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        if (request.description() != null) {
            list.description = request.description();
        }
        list.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        flushUniqueName();
        return view(list);
    }

    /** The list, its entries and the faces they own go together. */
    @Transactional
    void delete(UUID applicationId, UUID listId) {
        EntryList list = owned(applicationId, listId);
        if (list.system) {
            throw new ApiException(400, "System lists cannot be deleted.", SYSTEM_LIST);
        }
        faces.delete(entityManager.createQuery("select e.faceId from ListEntry e where e.listId = :list "
                + "and e.faceId is not null", UUID.class).setParameter("list", list.id).getResultList());
        ListEntry.delete("listId", list.id);
        list.delete();
    }

    static EntryList owned(UUID applicationId, UUID listId) {
        return EntryList.findOwned(applicationId, listId).orElseThrow(ApiException::notFound);
    }

    ListView view(EntryList list) {
        return ListView.of(list, entryCounts(List.of(list.id)).getOrDefault(list.id, 0L));
    }

    private Map<UUID, Long> entryCounts(List<UUID> listIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (!listIds.isEmpty()) {
            entityManager.createQuery("select e.listId, count(e) from ListEntry e where e.listId in :ids group by e.listId",
                    Object[].class).setParameter("ids", listIds).getResultList()
                    .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        }
        return counts;
    }

    private static String name(String raw, Map<String, String> errors) {
        if (raw == null) {
            errors.put("name", "This field is required.");
            return null;
        }
        String name = raw.strip();
        if (name.isEmpty()) {
            errors.put("name", "This field may not be blank.");
            return null;
        }
        if (name.length() > MAX_NAME) {
            errors.put("name", "Ensure this field has no more than " + MAX_NAME + " characters.");
            return null;
        }
        return name;
    }

    private static boolean nameTaken(UUID applicationId, String name, UUID except) {
        return EntryList.count("applicationId = ?1 and lower(name) = lower(?2) and id <> ?3", applicationId, name,
                except == null ? new UUID(0, 0) : except) > 0;
    }

    /** Two requests naming two lists alike at once: the unique index settles it, the loser gets the 400. */
    private static void flushUniqueName() {
        try {
            EntryList.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.causedBy(e)) {
                throw new FieldValidationException("name", "A list with this name already exists.");
            }
            throw e;
        }
    }

    static String choice(String value) {
        return "\"" + value + "\" is not a valid choice.";
    }
}
