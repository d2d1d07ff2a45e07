-- A workflow is a tenant's verification recipe. Every update publishes a new immutable version;
-- sessions pin the version they were created on.
create table workflow (
    id              uuid primary key,
    application_id  uuid         not null references application (id) on delete cascade,
    label           varchar(200) not null,
    workflow_type   varchar(40)  not null,
    current_version integer      not null,
    is_default      boolean      not null default false,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index workflow_application_idx on workflow (application_id, created_at desc);
create unique index workflow_one_default_idx on workflow (application_id) where is_default;

create table workflow_version (
    workflow_id uuid        not null references workflow (id) on delete cascade,
    version     integer     not null,
    features    jsonb       not null,
    created_at  timestamptz not null,
    primary key (workflow_id, version)
);
