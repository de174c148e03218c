-- The outbox of lifecycle events (Kafka, when hub.events.kafka.enabled): one row per state change of a document,
-- a delivery or a status, written in the same transaction as the change, published by the route events-publish.
--
-- Order: the publisher takes only events whose transaction (txid) is older than every transaction still running,
-- in (txid, seq) order — so no event can later appear before one already sent — and numbers them as it takes
-- them (position: the CloudEvents "sequence" of the event, increasing in the order Kafka receives them).
-- attempted_at: handed to Kafka and not yet confirmed; after a crash the publisher reads the topic's tail to learn
-- which of those Kafka already has, so that none is sent twice.
create sequence lifecycle_event_position;
create table lifecycle_event (
    seq          bigserial   primary key,
    txid         xid8        not null default pg_current_xact_id(),
    id           uuid        not null unique,
    document_id  uuid        not null,
    type         text        not null,
    data         jsonb       not null,
    occurred_at  timestamptz not null,
    position     bigint,
    attempted_at timestamptz,
    published_at timestamptz
);
create index lifecycle_event_unpublished on lifecycle_event (txid, seq) where published_at is null;
