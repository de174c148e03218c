-- Content at rest (Article 11.4): every blob is encrypted under a key of its own; the key is kept here only wrapped by
-- the hub's master key. Destroying the row is destroying the content, wherever a copy of its ciphertext lies.
-- last_stored_at: the last time the same content was stored (again); a destruction run leaves alone a key stored in
-- the last hour, which a document being received may be about to refer to.
create table content_key (
    sha256         char(64)    primary key,
    wrapped_key    bytea       not null,
    created_at     timestamptz not null,
    last_stored_at timestamptz not null
);

-- A legal hold (a dispute, an inspection, a court): while one is placed, no destruction run destroys the document,
-- approved list or not. Released holds stay, with who released them and why.
create table legal_hold (
    id             bigserial   primary key,
    document_id    uuid        not null references document (id),
    reason         text        not null,
    placed_by      text        not null,
    placed_at      timestamptz not null,
    released_by    text,
    released_at    timestamptz,
    release_reason text
);
create unique index legal_hold_active_idx on legal_hold (document_id) where released_at is null;

-- A destruction list (Circular 06/2025/TT-BNV): proposed by an archivist, decided by the competent leader (who, when,
-- the decision's reference), then executed; the signed destruction record is kept here, with hashes, never content.
create table destruction_list (
    id                 uuid        primary key,
    title              text        not null,
    state              text        not null,
    proposed_by        text        not null,
    proposed_at        timestamptz not null,
    decided_by         text,
    decided_at         timestamptz,
    decision_reference text,
    decision_date      date,
    decision_note      text,
    executed_by        text,
    executed_at        timestamptz,
    record_xml         text,
    record_sha256      char(64),
    constraint destruction_list_state check (state in ('PROPOSED', 'APPROVED', 'REJECTED', 'EXECUTED'))
);

create table destruction_item (
    list_id      uuid not null references destruction_list (id),
    document_id  uuid not null references document (id),
    expired_on   date not null,
    outcome      text,
    primary key (list_id, document_id),
    constraint destruction_item_outcome check (outcome in ('DESTROYED', 'KEPT_ON_LEGAL_HOLD'))
);
create index destruction_item_document_idx on destruction_item (document_id);

-- A document whose content is destroyed: its metadata, hashes and ledger entries stay; its blobs and text do not.
create table document_destruction (
    document_id  uuid        primary key references document (id),
    list_id      uuid        not null references destruction_list (id),
    destroyed_at timestamptz not null
);
