-- An application is a tenant: every row the service stores elsewhere carries application_id.
create table application (
    id          uuid primary key,
    name        varchar(200) not null,
    environment varchar(16)  not null default 'live' check (environment in ('live', 'sandbox')),
    created_at  timestamptz  not null default now()
);

-- Keys are stored only as SHA-256 digests of the full key string; the prefix is kept for display.
create table api_key (
    id             uuid primary key,
    application_id uuid        not null references application (id) on delete cascade,
    key_hash       bytea       not null unique,
    display_prefix varchar(16) not null,
    name           varchar(200),
    created_at     timestamptz not null default now(),
    revoked_at     timestamptz
);
create index api_key_application_idx on api_key (application_id);
