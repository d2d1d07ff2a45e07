-- Didit's destinations carry a human-readable label (create, read, update and list).
alter table webhook_destination add column label varchar(255) not null default '';
