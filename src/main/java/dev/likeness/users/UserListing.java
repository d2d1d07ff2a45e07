package dev.likeness.users;

import dev.likeness.common.FieldValidationException;
import dev.likeness.common.Page;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /v3/users/}: live users, most recent session first (users
 * without a session last, newest first among them), filters combined with AND.
 */
@ApplicationScoped
class UserListing {

    record Filters(String status, String search, String countryCode, String createdAfter, String createdBefore) {
    }

    record Result(List<UserView> rows, long count) {
    }

    private final UserViews views;

    UserListing(UserViews views) {
        this.views = views;
    }

    @Transactional
    Result list(UUID applicationId, Filters f, Page.Window window) {
        StringBuilder where = new StringBuilder("u.application_id = :app and u.deleted_at is null");
        Map<String, Object> params = new HashMap<>();
        params.put("app", applicationId);
        if (f.status() != null) {
            String status = f.status().strip().toUpperCase(Locale.ROOT);
            if (!UserInput.STATUSES.contains(status)) {
                throw new FieldValidationException("status", "\"" + f.status() + "\" is not a valid choice.");
            }
            where.append(" and u.status = :status");
            params.put("status", status);
        }
        if (f.search() != null && !f.search().isBlank()) {
            where.append(" and (lower(u.vendor_data) like :search escape '\\' or lower(coalesce(u.display_name, '')) like :search escape '\\'"
                    + " or lower(coalesce(u.full_name, '')) like :search escape '\\'"
                    + " or lower(cast(u.approved_emails as text)) like :search escape '\\'"
                    + " or lower(cast(u.approved_phones as text)) like :search escape '\\')");
            String term = f.search().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("search", "%" + term + "%");
        }
        if (f.countryCode() != null && !f.countryCode().isBlank()) {
            where.append(" and u.issuing_states @> cast(:country as jsonb)");
            params.put("country", "[\"" + f.countryCode().strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "") + "\"]");
        }
        if (f.createdAfter() != null) {
            where.append(" and u.created_at >= :after");
            params.put("after", date("created_after", f.createdAfter(), false));
        }
        if (f.createdBefore() != null) {
            where.append(" and u.created_at <= :before");
            params.put("before", date("created_before", f.createdBefore(), true));
        }
        long count = ((Number) bind(Panache.getEntityManager()
                .createNativeQuery("select count(*) from app_user u where " + where), params).getSingleResult()).longValue();
        Query page = bind(Panache.getEntityManager().createNativeQuery("""
                select u.id from app_user u
                left join lateral (select max(s.created_at) last_at from verification_session s
                                   where s.application_id = u.application_id and s.deleted_at is null
                                     and %s = u.vendor_data_key) l on true
                where %s
                order by l.last_at desc nulls last, u.created_at desc, u.id
                limit :limit offset :offset""".formatted(AppUser.KEY_SQL.formatted("s.vendor_data"), where)), params)
                .setParameter("limit", window.limit()).setParameter("offset", window.offset());
        List<UUID> ids = new ArrayList<>();
        for (Object id : page.getResultList()) {
            ids.add((UUID) id);
        }
        if (ids.isEmpty()) {
            return new Result(List.of(), count);
        }
        Map<UUID, AppUser> byId = AppUser.<AppUser>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(u -> u.id, Function.identity()));
        List<AppUser> ordered = ids.stream().map(byId::get).toList();
        return new Result(views.rows(applicationId, ordered), count);
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    /** A date means its whole day (start for "after", end for "before"); years 1 to 9999 like the other listings. */
    private static OffsetDateTime date(String field, String value, boolean endOfDay) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(value.strip());
                parsed = endOfDay ? day.atTime(LocalTime.MAX).atOffset(ZoneOffset.UTC) : day.atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new FieldValidationException(field, "Enter a valid ISO 8601 date or date-time.");
            }
        }
        if (parsed.getYear() < 1 || parsed.getYear() > 9999) {
            throw new FieldValidationException(field, "Enter a valid ISO 8601 date or date-time.");
        }
        return parsed;
    }
}
