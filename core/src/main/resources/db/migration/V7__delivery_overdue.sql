-- The watchdog's flag: when a delivery passed its deadline (not pushed, not fetched, or no arrival status from
-- the recipient in time) and which of them. Set once; the tracking pages show it, the meters count the ones
-- still open.
alter table delivery add column overdue_since timestamptz;
alter table delivery add column overdue_reason text;
-- The watchdog's scans: waiting deliveries by age, delivered ones by when they were delivered.
create index delivery_state_created on delivery (state, created_at) where overdue_since is null;
create index delivery_state_updated on delivery (state, updated_at) where overdue_since is null;
create index delivery_overdue on delivery (overdue_since) where overdue_since is not null;
