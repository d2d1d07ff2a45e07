-- Lists (face index spec §4), second part.
--
-- A list entry made from a session keeps the session's number: the entry outlives the session, and
-- the number is what a reviewer sees beside the id.
alter table list_entry add column reference_session_number bigint;

-- One value once per list; md5 because a 2,048-character value can outgrow a btree entry.
create unique index list_entry_list_value_idx on list_entry (list_id, md5(value));

-- One system blocklist per entry type per application, whatever a user named their own lists:
-- replicas provisioning the same application at once meet here and all but one insert nothing.
create unique index entry_list_system_idx on entry_list (application_id, list_type, entry_type) where is_system;

-- Entries made from a session: the older /v3/blocklist/ endpoints and the face index look them up by it.
create index list_entry_session_idx on list_entry (reference_session_id) where reference_session_id is not null;
