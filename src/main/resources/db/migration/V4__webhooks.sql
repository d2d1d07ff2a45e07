-- Webhook destinations of an application. The legacy app-level webhook_url (PATCH /v3/webhook/) is
-- the one row with legacy = true, so its deliveries are logged and re-sendable like any other.
-- The secret is stored as issued: it keys the HMAC signatures, so it cannot be hashed.
create table webhook_destination (
    id                uuid primary key,
    application_id    uuid          not null references application (id) on delete cascade,
    legacy            boolean       not null default false,
    url               varchar(2048),
    secret_shared_key varchar(128)  not null,
    subscribed_events jsonb         not null default '[]',
    webhook_version   varchar(8)    not null default 'v3',
    enabled           boolean       not null default true,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index webhook_destination_application_idx on webhook_destination (application_id, created_at);
create unique index webhook_destination_one_legacy_idx on webhook_destination (application_id) where legacy;

-- Transactional outbox: one row per event and destination, written in the transaction that changed
-- the session. seq orders the events of one session for one destination; a row is in flight while
-- lease_until is in the future, and a row whose lease ran out (its sender died) is claimed again.
create table webhook_event (
    id               uuid primary key,
    seq              bigserial     not null unique,
    application_id   uuid          not null references application (id) on delete cascade,
    destination_id   uuid          not null references webhook_destination (id) on delete cascade,
    event_id         uuid          not null,
    webhook_type     varchar(40)   not null,
    session_id       uuid          not null,
    status           varchar(20)   not null,
    trigger          varchar(16)   not null default 'automatic',
    state            varchar(16)   not null default 'pending' check (state in ('pending', 'delivered', 'failed')),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    first_attempt_at timestamptz,
    lease_until      timestamptz,
    claim_token      uuid,
    created_at       timestamptz   not null,
    finished_at      timestamptz
);
create index webhook_event_due_idx on webhook_event (destination_id, next_attempt_at, seq) where state = 'pending';
create index webhook_event_order_idx on webhook_event (destination_id, session_id, seq) where state = 'pending';

-- Every attempt to send an event, successful or not; the delivery log of the destinations API.
create table webhook_delivery (
    id             uuid primary key,
    event_row_id   uuid          not null references webhook_event (id) on delete cascade,
    destination_id uuid          not null references webhook_destination (id) on delete cascade,
    application_id uuid          not null,
    attempt        integer       not null,
    sent_timestamp bigint,
    success        boolean       not null,
    http_status    integer,
    duration_ms    integer,
    response_body  varchar(1024),
    error          varchar(512),
    created_at     timestamptz   not null,
    completed_at   timestamptz   not null
);
create index webhook_delivery_destination_idx on webhook_delivery (destination_id, created_at desc);
create index webhook_delivery_event_idx on webhook_delivery (event_row_id);
