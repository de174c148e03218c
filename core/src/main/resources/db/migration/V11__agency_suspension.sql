-- Agencies an operator suspended (README, "Operator actions"): the operator's word over the directory file's
-- state until an operator reactivates the agency — its system refused at the door, its deliveries held in its
-- queue. Every node reads it, so a suspension holds on all of them.
create table agency_suspension (
    organ_id     text        primary key,
    action_id    uuid        not null references operator_action (id),
    person       text        not null,
    reason       text        not null,
    suspended_at timestamptz not null
);
-- The agency an agency-level action was about (null for the actions on deliveries and for a directory reload).
alter table operator_action add column organ_id text;
-- What an action found, where it is more than the deliveries it touched (a directory reload: applied, errors).
alter table operator_action add column outcome text;
