package dev.likeness.ratelimit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Request budgets shared by every replica through PostgreSQL, which the service needs anyway (a
 * second store such as Redis would be one more thing to run and secure). Each caller and scope has
 * a counter per slot, a twelfth of the window. The sliding window's count is the sum of the slots it
 * covers, the oldest one weighted by the part of it still inside, as if its requests had been
 * evenly spread. That costs one upsert per request, and at worst forgives a burst at the very end
 * of a slot up to one slot early; an exact request log would cost a row per request.
 *
 * <p>A request is admitted only if every scope it draws on has room, and then counts against all
 * of them: the upsert runs in a transaction that is rolled back when any scope is full, so a
 * rejected request spends nothing. The upsert's row locks serialize concurrent requests of one
 * caller across replicas.
 *
 * <p>When the database cannot be reached the limiter lets requests through (and says so once in
 * the log): refusing all traffic because the counters are gone would turn a database hiccup into
 * an outage of the endpoints that do not need the database.
 */
@ApplicationScoped
public class SlidingWindowLimiter {

    /** The outcome for one request, with the numbers for the {@code X-RateLimit-*} headers. */
    public record Verdict(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    private static final Logger LOG = Logger.getLogger(SlidingWindowLimiter.class);
    private static final int SLOTS_PER_WINDOW = 12;

    // Subqueries in RETURNING see the table as it was before this statement, so they read the
    // finished slots and the statement's own row supplies the current one.
    private static final String ACQUIRE = """
            insert into rate_limit_counter as c (caller, scope, slot_start, hits)
            select ?, s.scope, ?, 1 from unnest(?::text[]) with ordinality as s(scope, position)
            order by s.position
            on conflict (caller, scope, slot_start) do update set hits = c.hits + 1
            returning c.scope, c.hits,
                array(select p.slot_start from rate_limit_counter p where p.caller = c.caller
                      and p.scope = c.scope and p.slot_start >= ? and p.slot_start < c.slot_start order by p.slot_start),
                array(select p.hits from rate_limit_counter p where p.caller = c.caller
                      and p.scope = c.scope and p.slot_start >= ? and p.slot_start < c.slot_start order by p.slot_start)
            """;
    private static final String COUNT = """
            insert into rate_limit_counter as c (caller, scope, slot_start, hits) values (?, ?, ?, 1)
            on conflict (caller, scope, slot_start) do update set hits = c.hits + 1
            """;
    private static final String PEEK = """
            select slot_start, hits from rate_limit_counter
            where caller = ? and scope = ? and slot_start >= ?
            """;
    private static final String EVICT = "delete from rate_limit_counter where slot_start < ?";

    private final long windowMillis;
    private final long slotMillis;
    private final DataSource dataSource;
    private final AtomicBoolean storeDown = new AtomicBoolean();

    @Inject
    public SlidingWindowLimiter(RateLimitConfig config, DataSource dataSource) {
        this(config.window(), dataSource);
    }

    public SlidingWindowLimiter(Duration window, DataSource dataSource) {
        this.windowMillis = Math.max(SLOTS_PER_WINDOW, window.toMillis());
        this.slotMillis = windowMillis / SLOTS_PER_WINDOW;
        this.dataSource = dataSource;
    }

    /**
     * Counts one request against every scope if all have room. Empty when the counters could not be
     * reached, in which case the request is to be let through.
     */
    public Optional<Verdict> acquire(String caller, List<RateLimitPolicy.Scope> scopes, long nowMillis) {
        // One lock order for every request, so two requests of a caller never wait on each other in a cycle.
        List<RateLimitPolicy.Scope> ordered = scopes.stream().sorted(Comparator.comparing(RateLimitPolicy.Scope::name))
                .toList();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, TreeMap<Long, Long>> slots = new HashMap<>();
                try (PreparedStatement statement = connection.prepareStatement(ACQUIRE)) {
                    statement.setString(1, caller);
                    statement.setLong(2, slotStart(nowMillis));
                    statement.setArray(3, connection.createArrayOf("text",
                            ordered.stream().map(RateLimitPolicy.Scope::name).toArray()));
                    statement.setLong(4, oldestSlot(nowMillis));
                    statement.setLong(5, oldestSlot(nowMillis));
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            TreeMap<Long, Long> counts = read(rows.getArray(3), rows.getArray(4));
                            // The returned count includes this request; judge() wants the counts before it.
                            counts.merge(slotStart(nowMillis), rows.getLong(2) - 1, Long::sum);
                            slots.put(rows.getString(1), counts);
                        }
                    }
                }
                Verdict verdict = judge(ordered, slots, nowMillis);
                if (verdict.allowed()) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return reachable(verdict);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            return unreachable(e);
        }
    }

    /** Whether one more request of the caller would fit the scope, without counting it. */
    public Optional<Verdict> peek(String caller, RateLimitPolicy.Scope scope, long nowMillis) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PEEK)) {
            statement.setString(1, caller);
            statement.setString(2, scope.name());
            statement.setLong(3, oldestSlot(nowMillis));
            TreeMap<Long, Long> counts = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getLong(1), rows.getLong(2));
                }
            }
            return reachable(judge(List.of(scope), Map.of(scope.name(), counts), nowMillis));
        } catch (SQLException | RuntimeException e) {
            return unreachable(e);
        }
    }

    /** Counts one request of the caller against the scope, whether or not it fits. */
    public void count(String caller, RateLimitPolicy.Scope scope, long nowMillis) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT)) {
            statement.setString(1, caller);
            statement.setString(2, scope.name());
            statement.setLong(3, slotStart(nowMillis));
            statement.executeUpdate();
            reachable(null);
        } catch (SQLException | RuntimeException e) {
            unreachable(e);
        }
    }

    /** Slots that no window reaches any more; every replica may run this, it is idempotent. */
    @Scheduled(every = "5m", identity = "rate-limit-eviction")
    void evictExpired() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(EVICT)) {
            statement.setLong(1, oldestSlot(System.currentTimeMillis()));
            statement.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            unreachable(e);
        }
    }

    private Verdict judge(List<RateLimitPolicy.Scope> scopes, Map<String, TreeMap<Long, Long>> slots, long now) {
        Verdict tightest = null;
        RateLimitPolicy.Scope full = null;
        long longestWait = -1;
        for (RateLimitPolicy.Scope scope : scopes) {
            TreeMap<Long, Long> counts = slots.getOrDefault(scope.name(), new TreeMap<>());
            long budget = (long) scope.limit() * slotMillis;
            // In slot-milliseconds, to stay in integers: the window's count with this request.
            long used = weighted(counts, now) + slotMillis;
            if (used <= budget) {
                int remaining = (int) ((budget - used) / slotMillis);
                if (tightest == null || remaining < tightest.remaining()) {
                    tightest = new Verdict(true, scope.limit(), remaining, ceilSeconds(resetsAt(counts, now)), 0);
                }
            } else {
                long wait = millisUntilRoom(counts, budget, now);
                if (wait > longestWait) {
                    full = scope;
                    longestWait = wait;
                }
            }
        }
        if (full == null) {
            return tightest;
        }
        long retryAfter = Math.max(1, ceilSeconds(longestWait));
        return new Verdict(false, full.limit(), 0, now / 1000 + retryAfter, retryAfter);
    }

    /** The requests inside the window ending at {@code at}, times the slot length. */
    private long weighted(TreeMap<Long, Long> counts, long at) {
        long sum = 0;
        for (Map.Entry<Long, Long> slot : counts.entrySet()) {
            long inside = slot.getKey() + slotMillis - (at - windowMillis);
            sum += slot.getValue() * Math.max(0, Math.min(slotMillis, inside));
        }
        return sum;
    }

    /** The first moment one more request fits, if nothing else is counted meanwhile. */
    private long millisUntilRoom(TreeMap<Long, Long> counts, long budget, long now) {
        // The count only falls as time passes, so the moment can be found by bisection.
        long low = 0;
        long high = windowMillis + slotMillis;
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (weighted(counts, now + mid) + slotMillis <= budget) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** When every request counted so far has left the window. */
    private long resetsAt(TreeMap<Long, Long> counts, long now) {
        long newest = counts.isEmpty() ? slotStart(now) : Math.max(counts.lastKey(), slotStart(now));
        return newest + slotMillis + windowMillis;
    }

    private long slotStart(long millis) {
        return Math.floorDiv(millis, slotMillis) * slotMillis;
    }

    private long oldestSlot(long now) {
        return slotStart(now - windowMillis);
    }

    private static TreeMap<Long, Long> read(Array starts, Array hits) throws SQLException {
        Object[] startValues = (Object[]) starts.getArray();
        Object[] hitValues = (Object[]) hits.getArray();
        TreeMap<Long, Long> counts = new TreeMap<>();
        for (int i = 0; i < startValues.length; i++) {
            counts.put(((Number) startValues[i]).longValue(), ((Number) hitValues[i]).longValue());
        }
        return counts;
    }

    private static long ceilSeconds(long millis) {
        return Math.floorDiv(millis + 999, 1000);
    }

    private Optional<Verdict> reachable(Verdict verdict) {
        if (storeDown.compareAndSet(true, false)) {
            LOG.info("Rate-limit counters reachable again; limits are enforced");
        }
        return Optional.ofNullable(verdict);
    }

    private Optional<Verdict> unreachable(Exception e) {
        if (storeDown.compareAndSet(false, true)) {
            LOG.warnf("Rate-limit counters unreachable (%s); requests pass unlimited until they are back",
                    e.toString());
        }
        return Optional.empty();
    }
}
