-- The operators' alerts: one row per condition and what it is about (the key), raised when it starts and cleared
-- when it ends; raised again (the same row) if it comes back.
create table alert (
    key              text        primary key,
    kind             text        not null,
    subject          text        not null,
    summary_vi       text        not null,
    summary_en       text        not null,
    details          jsonb       not null,
    raised_at        timestamptz not null,
    last_notified_at timestamptz not null,
    cleared_at       timestamptz
);
create index alert_active on alert (kind) where cleared_at is null;

-- The outbox of alert notices: written in the same transaction as the alert's change, sent by the publisher,
-- marked per channel once sent (NULL: still to send on that channel; a channel not configured is marked at once).
create table alert_notice (
    id          bigserial   primary key,
    alert_key   text        not null references alert (key),
    event       text        not null,
    payload     jsonb       not null,
    created_at  timestamptz not null,
    mailed_at   timestamptz,
    posted_at   timestamptz,
    attempts    int         not null default 0,
    last_error  text
);
create index alert_notice_unsent on alert_notice (id) where mailed_at is null or posted_at is null;
