-- Backups (Circular 02/2019/TT-BNV: at least two copies, each on its own medium, checked regularly): each run, to each
-- target, and each verification (the latest backup restored somewhere temporary and checked), with what it found.
create table backup_run (
    id          bigserial   primary key,
    started_at  timestamptz not null,
    finished_at timestamptz,
    target      text        not null,
    path        text,
    status      text        not null,
    files       int,
    bytes       bigint,
    ledger_head bigint,
    error       text,
    constraint backup_run_status check (status in ('RUNNING', 'COMPLETE', 'FAILED'))
);
create index backup_run_complete_idx on backup_run (finished_at) where status = 'COMPLETE';

create table backup_verification (
    id          bigserial   primary key,
    at          timestamptz not null,
    path        text        not null,
    holds       boolean     not null,
    findings    text        not null
);
