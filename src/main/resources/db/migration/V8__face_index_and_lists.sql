-- Face index, lists (face index spec §1, §4).
--
-- face_template stays the one table of face descriptors. Its sources grow: 'list_entry' (a face
-- uploaded to a list, or copied from a session so that the entry outlives the session),
-- 'face_search' (enrolled by a saved face search; never matched by later searches) and
-- 'standalone' (a saved passive-liveness or age-estimation call; api_service says which).
alter table face_template add column api_service varchar(40);
create index face_template_application_idx on face_template (application_id) where deleted_at is null;

-- Lists: one system blocklist per entry type per application, plus user-made allow/custom lists.
create table entry_list (
    id                  uuid primary key,
    application_id      uuid         not null references application (id) on delete cascade,
    name                varchar(255) not null,
    description         text         not null default '',
    list_type           varchar(16)  not null,
    entry_type          varchar(32)  not null,
    is_system           boolean      not null default false,
    last_entry_added_at timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create unique index entry_list_name_idx on entry_list (application_id, lower(name));
create index entry_list_type_idx on entry_list (application_id, list_type, entry_type);

-- value is stored normalised (see the entry-type rules); for face entries it is the face's id and
-- face_id points at the face_template row the entry owns.
create table list_entry (
    id                    uuid primary key,
    list_id               uuid          not null references entry_list (id) on delete cascade,
    application_id        uuid          not null,
    value                 varchar(2048) not null,
    display_label         varchar(255)  not null default '',
    comment               text          not null default '',
    added_by              varchar(16)   not null,
    reference_session_id  uuid,
    reference_object_uuid uuid,
    face_id               uuid references face_template (id) on delete cascade,
    metadata              jsonb,
    created_at            timestamptz   not null
);
create index list_entry_list_idx on list_entry (list_id, created_at desc);
create index list_entry_value_idx on list_entry (application_id, value);
create index list_entry_face_idx on list_entry (face_id) where face_id is not null;

-- Every change that can alter what a face search finds is written here by triggers, so no code
-- path can forget it. Pods catch up from this log before each search and on NOTIFY; the log, not
-- the notification, is the truth, so a missed notification cannot leave a pod stale.
--
-- Versions are per application and taken under the row lock of face_index_version, held until
-- the writing transaction ends: versions therefore become visible in order, and a reader that sees
-- version v has seen every change up to v (a plain sequence would let a slow transaction commit a
-- lower number after a reader has moved past it).
create table face_index_version (
    application_id uuid primary key,
    version        bigint not null
);

create table face_index_change (
    application_id uuid        not null,
    version        bigint      not null,
    face_id        uuid        not null,
    created_at     timestamptz not null default now(),
    primary key (application_id, version)
);
create index face_index_change_age_idx on face_index_change (created_at);

create function face_index_record(app uuid, face uuid) returns void as $$
declare
    next_version bigint;
begin
    insert into face_index_version (application_id, version) values (app, 1)
        on conflict (application_id) do update set version = face_index_version.version + 1
        returning version into next_version;
    insert into face_index_change (application_id, version, face_id) values (app, next_version, face);
    perform pg_notify('likeness_face_index', app::text);
end
$$ language plpgsql;

create function face_template_changed() returns trigger as $$
begin
    if tg_op = 'DELETE' then
        perform face_index_record(old.application_id, old.id);
    else
        perform face_index_record(new.application_id, new.id);
    end if;
    return null;
end
$$ language plpgsql;

create trigger face_template_index_trigger after insert or update or delete on face_template
    for each row execute function face_template_changed();

create function list_entry_changed() returns trigger as $$
begin
    if tg_op in ('DELETE', 'UPDATE') and old.face_id is not null then
        perform face_index_record(old.application_id, old.face_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.face_id is not null then
        perform face_index_record(new.application_id, new.face_id);
    end if;
    return null;
end
$$ language plpgsql;

create trigger list_entry_index_trigger after insert or update or delete on list_entry
    for each row execute function list_entry_changed();

-- Screening hits a liveness item lists (face index spec §3.4), stored as found; image links are
-- signed afresh when the decision is read.
alter table liveness_check add column matches jsonb;

-- Per-application similarity bands; null means the configured defaults.
alter table application add column face_possible_threshold numeric(5, 2);
alter table application add column face_high_threshold numeric(5, 2);
