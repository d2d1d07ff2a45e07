-- Users (face index spec §6): one row per vendor_data of an application. Counters are not stored;
-- they are computed from verification_session at read time, so they cannot drift.
--
-- vendor_data keeps what the client sent; vendor_data_key is what makes two values the same user
-- (trimmed, lower case). It is generated here and matched against sessions and faces with the same
-- expression, so there is exactly one definition of "the same vendor_data".
create table app_user (
    id              uuid primary key,
    application_id  uuid          not null references application (id) on delete cascade,
    vendor_data     varchar(2048) not null,
    vendor_data_key varchar(2048) generated always as (lower(btrim(vendor_data, E' \t\n\r\f\v'))) stored,
    display_name    varchar(512),
    full_name       varchar(512),
    date_of_birth   date,
    status          varchar(16)   not null default 'ACTIVE' check (status in ('ACTIVE', 'FLAGGED', 'BLOCKED')),
    metadata        jsonb,
    approved_emails jsonb         not null default '[]',
    approved_phones jsonb         not null default '[]',
    issuing_states  jsonb         not null default '[]',
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    deleted_at      timestamptz
);
-- Race-safe auto-creation relies on this index (insert ... on conflict do nothing).
create unique index app_user_vendor_key_idx on app_user (application_id, vendor_data_key) where deleted_at is null;
create index app_user_created_idx on app_user (application_id, created_at) where deleted_at is null;

-- Activity on a user: status changes with their reason.
create table user_comment (
    id              uuid primary key,
    user_id         uuid         not null references app_user (id) on delete cascade,
    application_id  uuid         not null,
    comment_type    varchar(32)  not null,
    comment         text         not null default '',
    actor_name      varchar(255) not null,
    previous_status varchar(16),
    new_status      varchar(16),
    created_at      timestamptz  not null,
    deleted_at      timestamptz
);
create index user_comment_user_idx on user_comment (user_id, created_at);

-- Counters, standing and portrait look sessions and faces up by the normalised vendor_data.
create index verification_session_vendor_key_idx
    on verification_session (application_id, (lower(btrim(vendor_data, E' \t\n\r\f\v'))))
    where deleted_at is null;
create index face_template_vendor_key_idx
    on face_template (application_id, (lower(btrim(vendor_data, E' \t\n\r\f\v'))))
    where deleted_at is null;

-- User events carry their body, fixed when raised (the user may be gone when it is sent);
-- session_id holds the user's id for them, which keeps per-user order like per-session order.
alter table webhook_event add column payload jsonb;
