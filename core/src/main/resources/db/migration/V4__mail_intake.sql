-- Where a document came from when its channel has its own identity for it: "mail:<key>" for a message taken
-- from the hub's mailbox. Unique, and written in the same transaction as the document, so a message fetched
-- again after a crash is recognised even when the document has been rejected since.
alter table document add column source_ref text;
create unique index document_source_ref on document (source_ref) where source_ref is not null;

-- Every message taken from the hub's mailbox and what became of it: accepted (the document), a duplicate of
-- a document the hub already had, or refused (the reason, and when the refusal was mailed back). The raw
-- message is kept in the blob store, refused or not.
create table mail_intake (
    message_key     text        primary key,
    message_id      text,
    from_address    text,
    subject         text,
    raw_sha256      char(64)    not null,
    outcome         text        not null,
    document_id     uuid        references document (id),
    reason_code     text,
    reason_vi       text,
    reason_en       text,
    taken_at        timestamptz not null,
    reply_sent_at   timestamptz
);
