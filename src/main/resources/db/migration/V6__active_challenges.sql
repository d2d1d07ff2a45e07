-- Active-liveness challenges: the head moves asked of the end user for one capture attempt, with
-- the nonce the frame burst must carry. A challenge is used once; a new one replaces an unused one.
create table active_challenge (
    id             uuid primary key,
    session_id     uuid         not null references verification_session (id) on delete cascade,
    application_id uuid         not null,
    attempt        integer      not null,
    steps          varchar(128) not null,
    nonce          varchar(64)  not null,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    used_at        timestamptz
);
create index active_challenge_session_idx on active_challenge (session_id);
