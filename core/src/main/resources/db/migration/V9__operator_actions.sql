-- What a person did to the flow (re-drive a failed delivery, …): who, when, why, on which deliveries. Each
-- action also leaves an entry in the ledger of every document it touched (event "operator-action <id>", the
-- SHA-256 of the action as recorded).
create table operator_action (
    id            uuid        primary key,
    action        text        not null,
    person        text        not null,
    reason        text        not null,
    requested_at  timestamptz not null,
    done_at       timestamptz,
    delivery_ids  uuid[]      not null,
    -- The action as recorded, byte for byte (its SHA-256 is in the ledger entries).
    details       text        not null
);
create index operator_action_requested on operator_action (requested_at);
