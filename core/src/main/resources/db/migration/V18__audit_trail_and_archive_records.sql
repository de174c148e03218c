-- The audit trail (Article 11.3, 11.5): every read of content, copy, export, certification, reclassification,
-- destruction and administrative change, one row each, never changed or removed — the triggers below refuse it in
-- the database itself, whoever connects. Each row is also a ledger entry (event "AUDIT <id>", its SHA-256 the payload),
-- so that the trail is closed into the ledger's checkpoints like everything else.
create table audit_entry (
    id           bigserial   primary key,
    at           timestamptz not null,
    actor        text        not null,
    actor_roles  text        not null,
    action       text        not null,
    document_id  uuid,
    detail       text        not null,
    entry_sha256 char(64)    not null
);
create index audit_entry_document_idx on audit_entry (document_id, at);
create index audit_entry_at_idx on audit_entry (at);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

-- The archive's metadata of a document (Circular 05/2025/TT-BNV): what an archivist may reclassify — its access
-- level, its record file's code, its retention, its keywords — never its content. No row: the defaults (open to
-- its parties, the retention of its type).
create table archive_record (
    document_id     uuid        primary key references document (id),
    access_level    text        not null,
    file_code       text,
    retention_years int,
    keywords        text,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    constraint archive_record_access_level check (access_level in ('OPEN', 'RESTRICTED'))
);
