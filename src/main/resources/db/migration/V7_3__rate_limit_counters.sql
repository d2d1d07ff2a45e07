-- Request counters shared by every replica, so a budget holds for the whole deployment rather than
-- per pod. One row per caller, scope and slot (a twelfth of the window; slot_start in epoch
-- milliseconds); the limiter sums the slots of the last window, the oldest one weighted by how much
-- of it is still inside. UNLOGGED: counters are rewritten on every request and worthless after a
-- crash, so they skip the write-ahead log (and are not replicated to standbys, which only means
-- limits restart from zero after a failover).
create unlogged table rate_limit_counter (
    caller     text    not null,
    scope      text    not null,
    slot_start bigint  not null,
    hits       integer not null,
    primary key (caller, scope, slot_start)
);

-- The periodic clean-up deletes by age across all callers.
create index rate_limit_counter_slot_start on rate_limit_counter (slot_start);
