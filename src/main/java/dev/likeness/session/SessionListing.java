package dev.likeness.session;

import dev.likeness.common.Page;
import dev.likeness.common.FieldValidationException;
import dev.likeness.common.StoredJson;
import dev.likeness.media.SignedUrlIssuer;
import dev.likeness.verdict.Status;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

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

/** {@code GET /v3/sessions/}: newest first, filtered (AND), limit/offset paged. */
@ApplicationScoped
public class SessionListing {

    /** A list row, KYC shape. */
    public record Row(UUID sessionId, String sessionKind, long sessionNumber, String sessionUrl, String portraitImage,
                      String documentType, String fullName, String country, Status status, String vendorData,
                      OffsetDateTime createdAt, List<FeatureStatus> features, Object phoneNumber, Object emailAddress) {
    }

    public record FeatureStatus(String feature, Status status) {
    }

    /** The query parameters. */
    public record Filters(String sessionKind, String vendorData, String status, String workflowId, String country,
                          String dateFrom, String dateTo, String search) {
    }

    public record Result(List<Row> rows, long count) {
    }

    private final SessionUrls urls;
    private final SignedUrlIssuer links;
    private final StoredJson json;

    public SessionListing(SessionUrls urls, SignedUrlIssuer links, StoredJson json) {
        this.urls = urls;
        this.links = links;
        this.json = json;
    }

    public Result list(UUID applicationId, Filters f, Page.Window window) {
        StringBuilder where = new StringBuilder("applicationId = :app and deletedAt is null");
        Parameters params = Parameters.with("app", applicationId);
        String kind = f.sessionKind() == null ? "user" : f.sessionKind();
        if (!List.of("user", "business", "all").contains(kind)) {
            throw new FieldValidationException("session_kind", "\"" + kind + "\" is not a valid choice.");
        }
        if (!"all".equals(kind)) {
            where.append(" and sessionKind = :kind");
            params.and("kind", kind);
        }
        if (f.vendorData() != null) {
            where.append(" and vendorData = :vendor");
            params.and("vendor", f.vendorData());
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", displayStatus(f.status()));
        }
        if (f.workflowId() != null) {
            try {
                params.and("workflow", UUID.fromString(f.workflowId()));
            } catch (IllegalArgumentException e) {
                throw new FieldValidationException("workflow_id", "Must be a valid UUID.");
            }
            where.append(" and workflowId = :workflow");
        }
        if (f.country() != null) {
            where.append(" and 1 = 0"); // No document data is read, so no session has a country.
        }
        if (f.dateFrom() != null) {
            where.append(" and createdAt >= :from");
            params.and("from", date("date_from", f.dateFrom(), false));
        }
        if (f.dateTo() != null) {
            where.append(" and createdAt <= :to");
            params.and("to", date("date_to", f.dateTo(), true));
        }
        if (f.search() != null && !f.search().isBlank()) {
            where.append(" and lower(vendorData) like :search");
            params.and("search", "%" + f.search().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long count = VerificationSession.count(where.toString(), params);
        List<VerificationSession> page = VerificationSession.<VerificationSession>find(
                where + " order by sessionNumber desc", params).range(window.offset(), window.last()).list();
        // Three reads for the whole page rather than a few per row.
        List<UUID> ids = page.stream().map(s -> s.id).toList();
        Map<UUID, Status> liveness = new HashMap<>();
        Map<UUID, Status> matches = new HashMap<>();
        Map<UUID, Status> documents = new HashMap<>();
        if (!ids.isEmpty()) {
            LivenessCheck.<LivenessCheck>list("sessionId in ?1", ids).forEach(c -> liveness.put(c.sessionId, c.status));
            FaceMatchCheck.<FaceMatchCheck>list("sessionId in ?1", ids).forEach(c -> matches.put(c.sessionId, c.status));
            DocumentCheck.<DocumentCheck>list("sessionId in ?1", ids).forEach(c -> documents.put(c.sessionId, c.status));
        }
        List<Row> rows = new ArrayList<>(page.size());
        for (VerificationSession s : page) {
            List<FeatureStatus> features = new ArrayList<>();
            for (String name : json.strings(s.features)) {
                Map<UUID, Status> source = switch (name) {
                    case "LIVENESS" -> liveness;
                    case "FACE_MATCH" -> matches;
                    default -> documents;
                };
                features.add(new FeatureStatus(name, source.getOrDefault(s.id, Status.NOT_FINISHED)));
            }
            rows.add(new Row(s.id, s.sessionKind, s.sessionNumber, urls.url(s), links.link(s.referenceMediaId),
                    null, null, null, s.status, s.vendorData, s.createdAt, features, null, null));
        }
        return new Result(rows, count);
    }


    /** Accepts Didit's display strings and the upper-snake variants some doc generations use. */
    static Status displayStatus(String status) {
        return switch (status.toUpperCase(Locale.ROOT).replace(' ', '_')) {
            case "NOT_STARTED" -> Status.NOT_STARTED;
            case "IN_PROGRESS" -> Status.IN_PROGRESS;
            case "IN_REVIEW" -> Status.IN_REVIEW;
            case "APPROVED" -> Status.APPROVED;
            case "DECLINED" -> Status.DECLINED;
            case "EXPIRED" -> Status.EXPIRED;
            case "ABANDONED" -> Status.ABANDONED;
            case "RESUBMITTED" -> Status.RESUBMITTED;
            case "KYC_EXPIRED" -> Status.KYC_EXPIRED;
            case "AWAITING_USER" -> Status.AWAITING_USER;
            default -> throw new FieldValidationException("status", "\"" + status + "\" is not a valid choice.");
        };
    }

    /**
     * Java reads years up to ±999,999,999, PostgreSQL keeps far fewer; the calendar Didit's Python
     * accepts (years 1 to 9999) keeps every bound comparable in the database.
     */
    private static OffsetDateTime date(String field, String value, boolean endOfDay) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(value);
                parsed = endOfDay ? day.atTime(LocalTime.MAX).atOffset(ZoneOffset.UTC)
                        : day.atStartOfDay().atOffset(ZoneOffset.UTC);
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
