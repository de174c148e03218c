-- A document received by the hub. Its envelope and attachments live in the blob store (content-addressed);
-- the database keeps their hashes. (sender_organ_id, sender_document_id) is the de-duplication key among
-- documents not rejected: a sender may correct a rejected document and send it again under the same id.
create table document (
    id                  uuid        primary key,
    sender_organ_id     text        not null,
    sender_document_id  text        not null,
    recipient_organ_ids text[]      not null,
    subject             text,
    code_notation       text,
    envelope_sha256     char(64)    not null,
    envelope_size       bigint      not null,
    state               text        not null,
    received_at         timestamptz not null,
    updated_at          timestamptz not null
);
create unique index document_sender_key on document (sender_organ_id, sender_document_id) where state <> 'REJECTED';

create table attachment (
    document_id  uuid     not null references document (id),
    position     int      not null,
    content_id   text     not null,
    name         text     not null,
    media_type   text,
    size         bigint   not null,
    sha256       char(64) not null,
    primary key (document_id, position)
);

-- One delivery per (document, recipient): the unique key makes dispatch idempotent.
create table delivery (
    id                 uuid        primary key,
    document_id        uuid        not null references document (id),
    recipient_organ_id text        not null,
    channel            text        not null,
    state              text        not null,
    attempts           int         not null default 0,
    last_error         text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint delivery_document_recipient_key unique (document_id, recipient_organ_id)
);
create index delivery_pickup_idx on delivery (recipient_organ_id, state);

-- A status about a document: reported by a recipient (edXML status codes), or issued by the hub itself
-- (rejection at inspection, unknown recipient, failed delivery). A resend of the same status is one row.
create table status_event (
    id           uuid        primary key,
    document_id  uuid        not null references document (id),
    organ_id     text        not null,
    status_code  text        not null,
    description  text,
    reasons      jsonb,
    reported_at  timestamptz not null,
    recorded_at  timestamptz not null,
    forwarded_at timestamptz,
    constraint status_event_key unique (document_id, organ_id, status_code, reported_at)
);
create index status_event_document_idx on status_event (document_id);

-- Every state change of a document or a delivery, stamped with time and cause, written in the same
-- transaction as the change.
create table state_transition (
    id          bigserial   primary key,
    document_id uuid        not null,
    delivery_id uuid,
    from_state  text,
    to_state    text        not null,
    cause       text        not null,
    at          timestamptz not null
);
create index state_transition_document_idx on state_transition (document_id);

-- The hash-chained ledger: each entry's hash covers the previous entry's hash, so that removing or
-- altering an entry breaks every later one.
create table ledger_entry (
    seq            bigint      primary key,
    document_id    uuid        not null,
    event          text        not null,
    payload_sha256 char(64)    not null,
    previous_hash  char(64)    not null,
    entry_hash     char(64)    not null,
    recorded_at    timestamptz not null,
    constraint ledger_document_event_key unique (document_id, event)
);
