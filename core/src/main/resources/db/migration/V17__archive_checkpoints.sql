-- The archive of Article 11.
-- A recipient's status as it came, signed by its system: the bytes in the blob store (content-addressed), their
-- SHA-256 here and in the status's ledger entry. Null for the statuses the hub issues itself and for those recorded
-- before this version.
alter table status_event add column message_sha256 char(64);

-- A checkpoint closes the ledger entries since the previous one (first_seq .. last_seq): the Merkle root over their
-- entry hashes (RFC 6962 tree hashing), signed by the hub (signed_checkpoint: the XML as signed, byte for byte), and
-- timestamped by an RFC 3161 authority where one is configured. A checkpoint is sealed whether or not the authority
-- answers; one still waiting for its token is retried, oldest first, and its attempts are counted for the alert.
create table ledger_checkpoint (
    number                    bigint      primary key,
    first_seq                 bigint      not null,
    last_seq                  bigint      not null,
    merkle_root               char(64)    not null,
    previous_root             char(64)    not null,
    sealed_at                 timestamptz not null,
    signed_checkpoint         bytea       not null,
    timestamp_token           bytea,
    timestamped_at            timestamptz,
    timestamp_attempts        int         not null default 0,
    timestamp_last_attempt_at timestamptz,
    timestamp_last_error      text,
    constraint ledger_checkpoint_range check (first_seq <= last_seq),
    constraint ledger_checkpoint_last_seq_key unique (last_seq)
);
create index ledger_checkpoint_waiting_idx on ledger_checkpoint (number) where timestamp_token is null;
