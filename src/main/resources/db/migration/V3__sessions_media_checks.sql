-- Verification sessions: hosted-flow sessions created with POST /v3/session/ and API-type sessions
-- recorded by standalone calls with save_api_request=true (api_service set, no token).
create sequence verification_session_number_seq start with 1000;

create table verification_session (
    id                      uuid primary key,
    application_id          uuid          not null references application (id) on delete cascade,
    session_number          bigint        not null unique default nextval('verification_session_number_seq'),
    session_kind            varchar(16)   not null default 'user',
    session_token           varchar(64) unique,
    workflow_id             uuid references workflow (id),
    workflow_version        integer,
    api_service             varchar(40),
    status                  varchar(20)   not null,
    vendor_data             varchar(1024),
    metadata                jsonb,
    callback                varchar(2048),
    callback_method         varchar(16),
    language                varchar(16),
    contact_details         jsonb,
    expected_details        jsonb,
    features                jsonb         not null default '[]',
    reference_media_id      uuid,
    source_image_session_id uuid,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    expires_at              timestamptz,
    deleted_at              timestamptz,
    row_version             bigint        not null default 0
);
create index verification_session_list_idx on verification_session (application_id, session_number desc)
    where deleted_at is null;
create index verification_session_vendor_idx on verification_session (application_id, vendor_data)
    where deleted_at is null;
create index verification_session_expiry_idx on verification_session (expires_at)
    where deleted_at is null and status in ('Not Started', 'In Progress');

-- One row per liveness node of a session (or per standalone liveness / age call).
create table liveness_check (
    id                 uuid primary key,
    session_id         uuid         not null references verification_session (id) on delete cascade,
    application_id     uuid         not null,
    node_id            varchar(64),
    status             varchar(20)  not null,
    method             varchar(16)  not null,
    score              numeric(5, 2),
    face_quality       numeric(5, 2),
    face_luminance     numeric(5, 2),
    age_estimation     numeric(6, 2),
    warnings           jsonb        not null default '[]',
    reference_media_id uuid,
    video_media_id     uuid,
    attempts           integer      not null default 0,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index liveness_check_session_idx on liveness_check (session_id);

create table face_match_check (
    id                      uuid primary key,
    session_id              uuid        not null references verification_session (id) on delete cascade,
    application_id          uuid        not null,
    node_id                 varchar(64),
    status                  varchar(20) not null,
    score                   numeric(5, 2),
    source_image_session_id uuid,
    source_media_id         uuid,
    target_media_id         uuid,
    warnings                jsonb       not null default '[]',
    attempts                integer     not null default 0,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);
create index face_match_check_session_idx on face_match_check (session_id);

-- Stored biometric images, always encrypted (AES-GCM); key_id names the key so keys can rotate.
-- The bytes live in ciphertext, or in a file under the media directory named by storage_path.
create table media_object (
    id             uuid primary key,
    application_id uuid        not null,
    session_id     uuid,
    kind           varchar(32) not null,
    content_type   varchar(64) not null,
    key_id         varchar(64) not null,
    nonce          bytea       not null,
    ciphertext     bytea,
    storage_path   varchar(512),
    size_bytes     integer     not null,
    created_at     timestamptz not null
);
create index media_object_session_idx on media_object (session_id);

-- Face embeddings kept for stored-face reuse by vendor_data (encrypted like media).
create table face_template (
    id             uuid primary key,
    application_id uuid        not null,
    session_id     uuid references verification_session (id) on delete cascade,
    vendor_data    varchar(1024),
    source         varchar(24) not null,
    approved       boolean     not null default false,
    model_version  varchar(64) not null,
    key_id         varchar(64) not null,
    nonce          bytea       not null,
    embedding      bytea       not null,
    media_id       uuid,
    created_at     timestamptz not null,
    deleted_at     timestamptz
);
create index face_template_vendor_idx on face_template (application_id, vendor_data, created_at desc)
    where deleted_at is null;

-- Reviewer activity on a session (reference §2.5).
create table session_review (
    id             uuid primary key,
    session_id     uuid         not null references verification_session (id) on delete cascade,
    application_id uuid         not null,
    action         varchar(32)  not null,
    old_status     varchar(20),
    new_status     varchar(20),
    comment        text,
    created_at     timestamptz  not null
);
create index session_review_session_idx on session_review (session_id, created_at);
