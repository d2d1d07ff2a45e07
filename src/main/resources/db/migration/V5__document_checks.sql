-- kyc sessions: the identity-document photo and the portrait cropped from it.
create table document_check (
    id                uuid primary key,
    session_id        uuid        not null references verification_session (id) on delete cascade,
    application_id    uuid        not null,
    node_id           varchar(64),
    status            varchar(20) not null,
    front_media_id    uuid,
    portrait_media_id uuid,
    warnings          jsonb       not null default '[]',
    attempts          integer     not null default 0,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index document_check_session_idx on document_check (session_id);
